using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of the cmdlets that send what the pipeline brings 40 a request (remote areas, transit times, air
    /// waybills). Subclasses send a batch and report each of its items once.
    /// </summary>
    public abstract class BatchingCmdlet<TItem> : TrackingMoreCmdlet where TItem : class
    {
        private readonly BatchQueue<TItem> _queue;

        protected BatchingCmdlet() => _queue = new BatchQueue<TItem>(Send);

        /// <summary>Sends 1 to 40 items and reports every one of them exactly once: as an object or as an error naming it.</summary>
        protected abstract void Send(IReadOnlyList<TItem> batch);

        protected void Enqueue(TItem item) => _queue.Add(item);

        protected override void EndProcessing() => _queue.Flush();

        /// <summary>
        /// For endpoints whose client method answers one result per item, in order (null where the API left an
        /// item out): writes each result, or an error against its item. <paramref name="refusal"/> gives the API's
        /// reason when a result stands for an item it refused.
        /// </summary>
        protected void WriteResults<TResult>(IReadOnlyList<TItem> batch, string endpoint, Func<CallContext, Task<IReadOnlyList<TResult>>> call,
            Func<TResult, string?>? refusal = null)
        {
            IReadOnlyList<TResult> results;
            try
            {
                results = Run(call);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, batch);
                return;
            }
            for (var i = 0; i < batch.Count; i++)
            {
                var result = results[i];
                if (result is null) WriteError(ErrorRecords.NotInAnswer(batch[i], endpoint));
                else if (refusal?.Invoke(result) is string reason) WriteError(ErrorRecords.Refused(batch[i], endpoint, reason));
                else WriteObject(result);
            }
        }
    }
}
