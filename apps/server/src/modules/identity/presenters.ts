import { z } from 'zod';

export const ZUser = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type TUser = z.infer<typeof ZUser>;
export const presentUser = (u: { id: string; email: string; name: string }): TUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
});
