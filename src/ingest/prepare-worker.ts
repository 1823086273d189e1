/**
 * The worker-thread entry for ingestion: piscina calls the default export
 * with a job and sends the result back.
 */
import { type PrepareJob, type PrepareResult, runPrepareJob } from './prepare-job.js'

export default function prepareInWorker(job: PrepareJob): PrepareResult {
  return runPrepareJob(job)
}
