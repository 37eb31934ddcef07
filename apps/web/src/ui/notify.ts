import { notifications } from '@mantine/notifications';
import { errorMessage } from './QueryState';

export const notifySuccess = (message: string) => notifications.show({ color: 'teal', message, autoClose: 4000 });
export const notifyError = (error: unknown, title = 'That did not work') =>
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
