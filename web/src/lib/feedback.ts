import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';

/** The one way a screen says an action worked: a short toast, "Invitation sent to ada@…". */
export function notifySuccess(message: string): void {
  notifications.show({
    message,
    color: 'green',
    withBorder: true,
    autoClose: 4000,
    closeButtonProps: { 'aria-label': 'Close' },
  });
}

/** The browser tab's title for a screen: "Team members · Atrium". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Atrium` : 'Atrium';
  }, [title]);
}
