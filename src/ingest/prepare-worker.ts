/**
 * The worker-thread entry for ingestion: piscina calls the default export
 * with a job and sends the result back.
 */
import type { MessagePort } from 'node:worker_threads'
import { type PrepareJob, type PrepareResult, runPrepareJob } from './prepare-job.js'

/** A job, and the port on which the thread says it has started it (the job's time budget starts then). */
export interface WorkerTask {
  readonly job: PrepareJob
  readonly started: MessagePort
}

export default function prepareInWorker({ job, started }: WorkerTask): PrepareResult {
  started.postMessage(0)
  started.close()
  return runPrepareJob(job)
}
