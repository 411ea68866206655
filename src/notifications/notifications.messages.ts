// Server texts of notifications, in Italian and English, with {{placeholders}}.
export const notificationsMessages: { it: Record<string, string>; en: Record<string, string> } = {
  it: {
    'entity.notification': 'notifica',
    'notification.need_routed': 'Un fabbisogno pubblicato nel distretto {{from}} interessa {{matches}} vostri associati: «{{title}}»',
    'notification.need_forwarded': '{{by}} ({{district}}) vi segnala un fabbisogno: «{{title}}»',
    'mail.digest.subject': 'CLOCK: {{count}} novità per te',
    'mail.digest.body': 'Buongiorno {{name}},\n\necco le novità su CLOCK dall’ultimo riepilogo:\n\n{{items}}\n\nTutte le notifiche: {{link}}\n\nCLOCK',
  },
  en: {
    'entity.notification': 'notification',
    'notification.need_routed': 'A need published in {{from}} matches {{matches}} of your members: “{{title}}”',
    'notification.need_forwarded': '{{by}} ({{district}}) points you to a need: “{{title}}”',
    'mail.digest.subject': 'CLOCK: {{count}} updates for you',
    'mail.digest.body': 'Hello {{name}},\n\nhere is what happened on CLOCK since the last summary:\n\n{{items}}\n\nAll notifications: {{link}}\n\nCLOCK',
  },
}
