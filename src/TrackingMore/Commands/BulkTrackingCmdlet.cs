using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Shared by the cmdlets whose endpoint has a single form and a bulk form (create, update, delete, stop updating):
    /// items are queued as they arrive and sent 40 a request as soon as 40 are waiting, so output streams; a lone
    /// item goes to the single endpoint. Every item comes back exactly once: as an object or as an error naming it.
    /// </summary>
    public abstract class BulkTrackingCmdlet<TRequest> : TrackingMoreCmdlet where TRequest : TrackingIdentity
    {
        private readonly List<TRequest> _pending = new List<TRequest>();
        private bool _sentAny;

        /// <summary>The bulk endpoint, for messages: "POST /trackings/batch".</summary>
        protected abstract string BulkEndpoint { get; }

        /// <summary>Sends one item to the single endpoint; returns the API's tracking when it sends one.</summary>
        protected abstract Task<Tracking?> SendOneAsync(TRequest request, CallContext call);

        protected abstract Task<BulkResult> SendBatchAsync(IReadOnlyList<TRequest> requests, CallContext call);

        /// <summary>Writes what the user gets for an item that succeeded.</summary>
        protected abstract void WriteSucceeded(TRequest request, Tracking? answer);

        /// <summary>
        /// Whether a per-item code means the item is done when the request had to be sent again (its first answer
        /// was lost): creating gives "already exists" (4016), removing "does not exist" (4017).
        /// </summary>
        protected virtual bool MeansDoneAfterResend(int code) => false;

        /// <summary>Writes items found done after a resend; by default as if they had succeeded without an answer.</summary>
        protected virtual void WriteDoneAfterResend(IReadOnlyList<TRequest> requests)
        {
            foreach (var request in requests) WriteSucceeded(request, null);
        }

        protected void Enqueue(TRequest request)
        {
            _pending.Add(request);
            if (_pending.Count == TrackingMoreClient.MaxBulkItems) SendPending();
        }

        protected override void EndProcessing()
        {
            if (_pending.Count == 1 && !_sentAny) SendSingle(_pending[0]);
            else if (_pending.Count > 0) SendPending();
            _pending.Clear();
        }

        private void SendSingle(TRequest request)
        {
            _sentAny = true;
            CallContext? used = null;
            try
            {
                WriteSucceeded(request, Run(call => SendOneAsync(request, used = call)));
            }
            catch (TrackingMoreApiException failure) when (used?.Resent == true && failure.MetaCode is int code && MeansDoneAfterResend(code))
            {
                WriteVerbose(request + ": " + failure.ApiMessage + " after a resend: the first attempt did it.");
                WriteDoneAfterResend(new[] { request });
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiError(failure, request);
            }
        }

        private void SendPending()
        {
            var batch = _pending.ToArray();
            _pending.Clear();
            _sentAny = true;
            BulkResult result;
            CallContext? used = null;
            try
            {
                result = Run(call => SendBatchAsync(batch, used = call));
            }
            catch (TrackingMoreApiException failure)
            {
                if (failure.IsAuthenticationFailure) WriteApiError(failure, batch[0]);
                foreach (var request in batch) WriteError(ErrorRecords.FromApi(failure, request));
                return;
            }
            Report(batch, result, used?.Resent == true);
        }

        /// <summary>Matches the answer to what was sent by tracking number and carrier; nothing sent goes unreported.</summary>
        private void Report(IReadOnlyList<TRequest> batch, BulkResult result, bool resent)
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
            var doneBefore = new List<TRequest>();
            foreach (var error in result.Errors)
            {
                var request = Take(error.TrackingNumber, error.CarrierCode);
                if (request != null && resent && MeansDoneAfterResend(error.Code)) doneBefore.Add(request);
                else WriteError(ErrorRecords.FromBulkItem(error, BulkEndpoint, (object?)request ?? error));
            }
            if (doneBefore.Count > 0)
            {
                WriteVerbose(doneBefore.Count + " item(s) of a resent " + BulkEndpoint + " had been done by the first attempt.");
                WriteDoneAfterResend(doneBefore);
            }
            foreach (var queue in waiting.Values)
            {
                foreach (var request in queue)
                    WriteError(ErrorRecords.NotInAnswer(request.TrackingNumber, request.CarrierCode, BulkEndpoint, request));
            }
        }

        private static string Key(string? number, string? carrier) => (number ?? string.Empty).Trim() + "\n" + (carrier ?? string.Empty).Trim();
    }
}
