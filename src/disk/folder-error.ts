// Errors of writing to the disk say which folder they happened in, so that a full disk's message
// can name the folder that needs the space (write/failure.ts).

/** Says which folder an error happened in, unless it says so already. */
export function withFolder(error: unknown, folder: string): unknown {
  if (error !== null && typeof error === 'object' && !('folder' in error)) Object.assign(error, {folder})
  return error
}
