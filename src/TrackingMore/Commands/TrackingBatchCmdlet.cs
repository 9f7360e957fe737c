using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Shared by the cmdlets over a bulk tracking endpoint (batch, updatemore, delete, notupdate), which answers
    /// {trackings, errors}: the answer is matched to what was sent by tracking number and carrier, and nothing sent
    /// goes unreported. Requests go 40 a request as the pipeline brings them; an endpoint with only a bulk form
    /// (notupdate) sends a lone item as a batch of one.
    /// </summary>
    public abstract class TrackingBatchCmdlet<TRequest> : TrackingCmdlet where TRequest : TrackingIdentity
    {
        private readonly BatchQueue<TRequest> _queue;

        protected TrackingBatchCmdlet() => _queue = new BatchQueue<TRequest>(Send);

        /// <summary>The bulk endpoint, for messages: "POST /trackings/batch".</summary>
        protected abstract string BulkEndpoint { get; }

        protected abstract Task<BulkResult> SendBatchAsync(IReadOnlyList<TRequest> requests, CallContext call);

        /// <summary>Writes what the user gets for an item that succeeded; <paramref name="answer"/> is the API's tracking when it sent one.</summary>
        protected abstract void WriteSucceeded(TRequest request, Tracking? answer);

        protected void Enqueue(TRequest request) => _queue.Add(request);

        protected override void EndProcessing() => _queue.Flush();

        /// <summary>Sends 1 to 40 requests and reports every one of them exactly once.</summary>
        protected virtual void Send(IReadOnlyList<TRequest> batch)
        {
            BulkResult result;
            try
            {
                result = Run(call => SendBatchAsync(batch, call));
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, batch);
                return;
            }
            Report(batch, result);
        }

        private void Report(IReadOnlyList<TRequest> batch, BulkResult result)
        {
            var waiting = new Dictionary<string, Queue<TRequest>>(StringComparer.OrdinalIgnoreCase);
            foreach (var request in batch)
            {
                var key = Key(request.TrackingNumber, request.CarrierCode);
                if (!waiting.TryGetValue(key, out var queue)) waiting[key] = queue = new Queue<TRequest>();
                queue.Enqueue(request);
            }

            TRequest? Take(string? number, string? carrier) =>
                waiting.TryGetValue(Key(number, carrier), out var queue) && queue.Count > 0 ? queue.Dequeue() : null;

            foreach (var tracking in result.Trackings)
            {
                var request = Take(tracking.TrackingNumber, tracking.CarrierCode);
                if (request != null) WriteSucceeded(request, tracking);
                else WriteVerbose(BulkEndpoint + " reported " + tracking + ", which this request did not send.");
            }
            foreach (var error in result.Errors)
            {
                var request = Take(error.TrackingNumber, error.CarrierCode);
                WriteError(ErrorRecords.FromBulkItem(error, BulkEndpoint, (object?)request ?? error));
            }
            foreach (var queue in waiting.Values)
            {
                foreach (var request in queue) WriteError(ErrorRecords.NotInAnswer(request, BulkEndpoint));
            }
        }

        private static string Key(string? number, string? carrier) => (number ?? string.Empty).Trim() + "\n" + (carrier ?? string.Empty).Trim();
    }
}
