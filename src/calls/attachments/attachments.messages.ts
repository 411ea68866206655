// Server texts of the call attachments, in Italian and English, with {{placeholders}}.
export const attachmentsMessages: { it: Record<string, string>; en: Record<string, string> } = {
  it: {
    'entity.attachment': 'allegato del bando',
    'attachments.error.type_not_allowed': 'Tipo di file non ammesso: si possono allegare solo {{extensions}}.',
    'attachments.error.content_mismatch': 'Il contenuto del file non corrisponde all’estensione .{{extension}}: carica un vero file {{extension}}.',
    'attachments.error.too_large': 'Il file pesa {{size}} MB: il massimo è {{max}} MB.',
    'attachments.error.too_many': 'Il bando ha già {{max}} allegati, il massimo: eliminane uno prima di caricarne un altro.',
    'attachments.error.order_mismatch': 'L’ordine deve elencare ogni allegato del bando esattamente una volta.',
    'attachments.validation.base64': 'Il file non è codificato correttamente in base64.',
    'field.contentBase64': 'file',
    'field.fileName': 'nome del file',
  },
  en: {
    'entity.attachment': 'call attachment',
    'attachments.error.type_not_allowed': 'File type not allowed: only {{extensions}} files can be attached.',
    'attachments.error.content_mismatch': 'The file’s content does not match its .{{extension}} extension: upload a real {{extension}} file.',
    'attachments.error.too_large': 'The file is {{size}} MB: the maximum is {{max}} MB.',
    'attachments.error.too_many': 'The call already has {{max}} attachments, the maximum: delete one before uploading another.',
    'attachments.error.order_mismatch': 'The order must list every attachment of the call exactly once.',
    'attachments.validation.base64': 'The file is not correctly base64-encoded.',
    'field.contentBase64': 'file',
    'field.fileName': 'file name',
  },
}
