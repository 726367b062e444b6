/** An embedding worker that throws as it starts, before it can say anything. */
throw new Error('this worker breaks on start');
