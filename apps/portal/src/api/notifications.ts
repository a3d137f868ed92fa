import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi, unwrap } from './client';

export const notificationKeys = {
  mine: ['notifications', 'me', 'notifications'] as const,
  preferences: ['notifications', 'me', 'preferences'] as const,
};

/** The person's notices and unread count; looked at again every minute while a page is open. */
export function useMyNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.mine,
    queryFn: () => unwrap(notificationsApi.GET('/me/notifications')),
    refetchInterval: 60_000,
    enabled,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(notificationsApi.POST('/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.mine }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => unwrap(notificationsApi.GET('/me/preferences')),
  });
}

export type NotificationPreferences = NonNullable<
  ReturnType<typeof useNotificationPreferences>['data']
>['preferences'];

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => unwrap(notificationsApi.PUT('/me/preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
