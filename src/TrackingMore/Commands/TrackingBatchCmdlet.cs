using System;
using System.Collections.Generic;
using System.Linq;
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
        protected virtual void WriteSucceeded(TRequest request, Tracking? answer) => WriteObject(answer);

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

        protected void Enqueue(TRequest request) => _queue.Add(request);

        protected override void EndProcessing() => _queue.Flush();

        /// <summary>Sends 1 to 40 requests and reports every one of them exactly once.</summary>
        protected virtual void Send(IReadOnlyList<TRequest> batch)
        {
            BulkResult result;
            CallContext? used = null;
            try
            {
                result = Run(call => SendBatchAsync(batch, used = call));
            }
            catch (TrackingMoreApiException failure) when (used?.MayHaveBeenDone == true && !failure.IsAuthenticationFailure)
            {
                ReportAfterLostAnswer(batch, failure);
                return;
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, batch);
                return;
            }
            Report(batch, result, used?.Resent == true);
        }

        /// <summary>
        /// The request was sent again after an answer was lost, and its last attempt failed: an earlier attempt may
        /// still have done the work. By default each item's outcome is unknown; cmdlets whose outcome shows in the
        /// account (create, remove) look the items up instead (<see cref="LookUp"/>).
        /// </summary>
        protected virtual void ReportAfterLostAnswer(IReadOnlyList<TRequest> requests, TrackingMoreApiException failure)
        {
            foreach (var request in requests) WriteError(ErrorRecords.OutcomeUnknown(request, failure));
        }

        /// <summary>
        /// The account's trackings with the requests' numbers (40 numbers a request), or null when the lookup failed
        /// and every request has been reported: as of unknown outcome when <paramref name="openFailure"/> left it
        /// open, else with the lookup's own error.
        /// </summary>
        protected IReadOnlyList<Tracking>? LookUp(IReadOnlyList<TRequest> requests, TrackingMoreApiException? openFailure)
        {
            var numbers = requests.Select(request => request.TrackingNumber).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            try
            {
                return Run(call => Client.FindTrackingsAsync(numbers, null, call));
            }
            catch (TrackingMoreApiException lookupFailure)
            {
                if (openFailure == null || lookupFailure.IsAuthenticationFailure) WriteApiErrors(lookupFailure, requests);
                else foreach (var request in requests) WriteError(ErrorRecords.OutcomeUnknown(request, openFailure));
                return null;
            }
        }

        /// <summary>The tracking of <paramref name="found"/> that is the one <paramref name="request"/> names, or null.</summary>
        protected static Tracking? Matching(IReadOnlyList<Tracking> found, TrackingIdentity request) => found.FirstOrDefault(tracking =>
            string.Equals(tracking.TrackingNumber, request.TrackingNumber, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(tracking.CarrierCode, request.CarrierCode, StringComparison.OrdinalIgnoreCase));

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
                foreach (var request in queue) WriteError(ErrorRecords.NotInAnswer(request, BulkEndpoint));
            }
        }

        private static string Key(string? number, string? carrier) => (number ?? string.Empty).Trim() + "\n" + (carrier ?? string.Empty).Trim();
    }
}
