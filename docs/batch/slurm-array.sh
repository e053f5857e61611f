#!/bin/bash
# A Slurm job array that splits one crawl over 16 tasks: `sbatch docs/batch/slurm-array.sh`.
# ingest takes its shard from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT,
# so --array=0-15 and --array=1-16 both give shards 0/16 … 15/16 (stepped ranges are refused).
#
# All tasks upsert into one PostgreSQL (INGEST_POSTGRES_URL in the submitting environment, exported to
# the tasks by Slurm). Each task keeps its run lock and completion record in its own small SQLite state
# file (--state), written only after PostgreSQL has committed the shard: resubmitting the array after
# a partial failure redoes only the shards that did not complete
# (the others print which run completed them and exit 0). Slurm sends SIGTERM at the time limit;
# --signal gives the run 120 s to drain and flush before that, and it exits 143.
#SBATCH --job-name=ingest-crawl
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=2G
#SBATCH --time=04:00:00
#SBATCH --signal=B:TERM@120
#SBATCH --output=logs/ingest-%A_%a.log

set -euo pipefail
out=/scratch/crawl/out
mkdir -p "$out"
: "${INGEST_POSTGRES_URL:?set INGEST_POSTGRES_URL before sbatch}"
exec ingest run \
    --input-list /scratch/crawl/warc-files.txt \
    --state "$out/state-${SLURM_ARRAY_TASK_ID}.sqlite" \
    --stats "$out/stats-${SLURM_ARRAY_TASK_ID}.json" \
    --concurrency "${SLURM_CPUS_PER_TASK}"
