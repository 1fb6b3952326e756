// The write protocol every path of a build follows, once: the caller may abort the staging folder
// while files are put (a signal), a failure notes what the disk needed and aborts, and the output
// changes only at commit.
import type {SiteWriter, WriteStats} from '../write/site-writer.ts'
import type {BuildContext} from './context.ts'

/**
 * Puts the site's files through `writer` with `fill`, then commits. `stop` ends whatever else
 * writes into the staging folder (the render threads) before the writer aborts.
 */
export async function writeSite(context: BuildContext, writer: SiteWriter, fill: () => Promise<void> | void, stop: () => void = () => {}): Promise<WriteStats> {
  const abort = () => {
    stop()
    writer.abort()
  }
  context.options.onOutput?.({abort})
  try {
    await fill()
    writer.commit()
  } catch (error) {
    writer.noteFailure(error)
    abort()
    throw error
  } finally {
    context.options.onOutput?.(null)
  }
  return writer.stats
}
