import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { isApiError } from '../api/client';
import { meKey } from '../api/session';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

// A 401 anywhere means the session ended: refresh "me", and the guard sends the user to sign in.
const onError = (error: unknown) => {
  if (isApiError(error) && error.status === 401) void queryClient.invalidateQueries({ queryKey: meKey });
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !isApiError(error) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        {/* The confirm dialogs' ModalsProvider is in the signed-in frame (AppFrame): no page outside it asks. */}
        <Notifications position="bottom-center" />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
