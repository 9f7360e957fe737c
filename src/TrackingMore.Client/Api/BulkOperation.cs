using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>What shows in the account whether a request whose answer was lost had been carried out.</summary>
    internal enum LostAnswerCheck
    {
        /// <summary>Nothing does (a change of fields, stopping updates): the outcome stays unknown.</summary>
        None,
        /// <summary>The tracking exists once it has been created.</summary>
        PresentMeansDone,
        /// <summary>The tracking is gone once it has been removed.</summary>
        AbsentMeansDone,
    }

    /// <summary>
    /// One bulk tracking operation (create, change, remove, stop updating) and the rules that turn its answers into one
    /// <see cref="TrackingOutcome{TRequest}"/> per item sent: the answer is matched to the items by number and carrier,
    /// an item it leaves out fails as <see cref="FailureReason.NotInAnswer"/>, and when the request's
    /// <see cref="AttemptRecord"/> shows an attempt whose answer was lost or timed out, the item's fate is read from
    /// the resend's per-item reasons or from the account. A rate-limited or unsent attempt did nothing and counts for
    /// nothing.
    /// </summary>
    internal sealed class BulkOperation<TRequest> where TRequest : TrackingIdentity
    {

        public BulkOperation(string bulkEndpoint, Func<IReadOnlyList<TRequest>, CallContext, Task<BulkResult>> sendBatch)
        {
            BulkEndpoint = bulkEndpoint;
            SendBatch = sendBatch;
        }

        public string BulkEndpoint { get; }

        public Func<IReadOnlyList<TRequest>, CallContext, Task<BulkResult>> SendBatch { get; }

        /// <summary>The endpoint's single form, when it has one; returns the API's tracking when it sends one.</summary>
        public Func<TRequest, CallContext, Task<Tracking?>>? SendOne { get; set; }

        /// <summary>
        /// The per-item reason that means "done" when an earlier attempt of the request may have done the work:
        /// creating is told <see cref="FailureReason.AlreadyExists"/>, removing <see cref="FailureReason.NotFound"/>.
        /// </summary>
        public FailureReason? DoneAfterResend { get; set; }

        public LostAnswerCheck Check { get; set; }

        /// <summary>
        /// The version has the single form but not the bulk one (v4's update and removal): each item goes alone
        /// through <see cref="SendOne"/>, with its own outcome, after one look-up of the ids the items lack.
        /// </summary>
        public bool EachAlone { get; set; }

        /// <summary>
        /// The bulk endpoint answers in the short form (no events, no last update, archived and track_update left
        /// out), so the items it did are read back from the list, all of one request with one look-up by numbers.
        /// </summary>
        public bool ReadBack { get; set; }

        /// <summary>
        /// Fills in, on each done item's tracking, what the answer leaves out but the request tells (the short form
        /// and a fresh tracking's list record have no archived or track_update): applied after reading back.
        /// </summary>
        public Action<TRequest, Tracking>? Complete { get; set; }

        /// <summary>
        /// Sends 1 to 40 items and returns one outcome per item, in order. Only a refused key (which every later call
        /// would meet too) and cancellation end it with an exception.
        /// </summary>
        /// <param name="singleForOne">A lone item goes to the single endpoint, whose answer is the full tracking.</param>
        public async Task<IReadOnlyList<TrackingOutcome<TRequest>>> SendAsync(TrackingMoreClient client, IReadOnlyList<TRequest> requests,
            bool singleForOne, CallContext call)
        {
            if (EachAlone && requests.Count > 1)
            {
                await client.PrefetchTrackingIdsQuietlyAsync(requests, call).ConfigureAwait(false);
                var each = new List<TrackingOutcome<TRequest>>(requests.Count);
                foreach (var one in requests) each.AddRange(await SendAsync(client, new[] { one }, singleForOne: true, call).ConfigureAwait(false));
                return each;
            }
            var request = call.ForOneRequest();
            var attempts = request.Attempts!;
            var single = (singleForOne || EachAlone) && requests.Count == 1 && SendOne != null;
            try
            {
                if (single) return new[] { Done(requests[0], OutcomeKind.Succeeded, await SendOne!(requests[0], request).ConfigureAwait(false)) };
                var result = await SendBatch(requests, request).ConfigureAwait(false);
                var outcomes = await MatchAsync(client, requests, result, attempts, call).ConfigureAwait(false);
                if (ReadBack) outcomes = await ReadBackAsync(client, outcomes, call).ConfigureAwait(false);
                foreach (var outcome in outcomes)
                    if (outcome.IsDone && outcome.Tracking != null) Complete?.Invoke(outcome.Request, outcome.Tracking);
                return outcomes;
            }
            catch (TrackingMoreApiException failure) when (!failure.IsAuthenticationFailure)
            {
                if (single && attempts.MayHaveBeenDone && failure.Reason == DoneAfterResend)
                {
                    call.Verbose(client.Settings.Redact(requests[0] + ": " + failure.ApiMessage + " after a resend: the first attempt did it (attempts: " + attempts + ")."));
                    return await DoneBeforeAsync(client, requests, call).ConfigureAwait(false);
                }
                if (attempts.MayHaveBeenDone) return await AfterLostAnswerAsync(client, requests, failure, call).ConfigureAwait(false);
                return requests.Select(request => Failed(request, failure)).ToArray();
            }
        }

        private async Task<IReadOnlyList<TrackingOutcome<TRequest>>> MatchAsync(TrackingMoreClient client, IReadOnlyList<TRequest> requests,
            BulkResult result, AttemptRecord attempts, CallContext call)
        {
            var outcomes = new TrackingOutcome<TRequest>?[requests.Count];
            var waiting = new Dictionary<string, Queue<int>>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < requests.Count; i++)
            {
                var key = Key(requests[i].TrackingNumber, requests[i].CarrierCode);
                if (!waiting.TryGetValue(key, out var queue)) waiting[key] = queue = new Queue<int>();
                queue.Enqueue(i);
            }
            int Take(string? number, string? carrier) =>
                waiting.TryGetValue(Key(number, carrier), out var queue) && queue.Count > 0 ? queue.Dequeue() : -1;

            foreach (var tracking in result.Trackings)
            {
                var index = Take(tracking.TrackingNumber, tracking.CarrierCode);
                if (index >= 0) outcomes[index] = Done(requests[index], OutcomeKind.Succeeded, tracking);
                else call.Verbose(client.Settings.Redact(BulkEndpoint + " reported " + tracking + ", which this request did not send."));
            }
            var doneBefore = new List<int>();
            foreach (var error in result.Errors)
            {
                var index = Take(error.TrackingNumber, error.CarrierCode);
                if (index < 0)
                {
                    call.Verbose(client.Settings.Redact(BulkEndpoint + " refused " + error + ", which this request did not send."));
                    continue;
                }
                var refusal = TrackingMoreApiException.ForBulkItem(error, BulkEndpoint, client.Dialect.ReasonOf(error.Code)).Redacted(client.Settings.Redact);
                if (attempts.MayHaveBeenDone && refusal.Reason == DoneAfterResend) doneBefore.Add(index);
                else outcomes[index] = Failed(requests[index], refusal);
            }
            if (doneBefore.Count > 0)
            {
                call.Verbose(doneBefore.Count + " item(s) of a resent " + BulkEndpoint + " had been done by the first attempt (attempts: " + attempts + ").");
                var done = await DoneBeforeAsync(client, doneBefore.Select(index => requests[index]).ToArray(), call).ConfigureAwait(false);
                for (var i = 0; i < doneBefore.Count; i++) outcomes[doneBefore[i]] = done[i];
            }
            for (var i = 0; i < outcomes.Length; i++)
                outcomes[i] ??= Failed(requests[i], TrackingMoreApiException.NotInAnswer(requests[i], BulkEndpoint));
            return outcomes!;
        }

        /// <summary>
        /// Each done item's tracking as the account now holds it, in one list request for up to 40 numbers. Should the
        /// look-up fail, the short form stays (it is still true: the change was made) and Verbose says why.
        /// </summary>
        private async Task<IReadOnlyList<TrackingOutcome<TRequest>>> ReadBackAsync(TrackingMoreClient client, IReadOnlyList<TrackingOutcome<TRequest>> outcomes,
            CallContext call)
        {
            var done = outcomes.Where(outcome => outcome.IsDone).Select(outcome => outcome.Request.TrackingNumber).ToArray();
            if (done.Length == 0) return outcomes;
            IReadOnlyList<Tracking> found;
            try
            {
                found = await client.LookUpAsync(done, call).ConfigureAwait(false);
            }
            catch (TrackingMoreApiException failure) when (!failure.IsAuthenticationFailure)
            {
                call.Verbose(client.Settings.Redact("Reading back what " + BulkEndpoint + " did failed, so its short answers are written: " + failure.Message));
                return outcomes;
            }
            return outcomes.Select(outcome => outcome.IsDone && Matching(found, outcome.Request) is Tracking held
                ? new TrackingOutcome<TRequest>(outcome.Request, outcome.Kind, held, null)
                : outcome).ToArray();
        }

        /// <summary>
        /// Items a resend was told are done already. What was created is fetched, so the caller still gets each
        /// tracking; a removal has nothing to fetch.
        /// </summary>
        private async Task<IReadOnlyList<TrackingOutcome<TRequest>>> DoneBeforeAsync(TrackingMoreClient client, IReadOnlyList<TRequest> requests, CallContext call)
        {
            if (Check != LostAnswerCheck.PresentMeansDone)
                return requests.Select(request => Done(request, OutcomeKind.DoneByEarlierAttempt, null)).ToArray();
            IReadOnlyList<Tracking> found;
            try
            {
                found = await client.LookUpAsync(requests.Select(request => request.TrackingNumber).ToArray(), call).ConfigureAwait(false);
            }
            catch (TrackingMoreApiException failure) when (!failure.IsAuthenticationFailure)
            {
                return requests.Select(request => Failed(request, failure)).ToArray();
            }
            return requests.Select(request => Matching(found, request) is Tracking created
                ? Done(request, OutcomeKind.DoneByEarlierAttempt, created)
                : Failed(request, TrackingMoreApiException.NotInAnswer(request, client.Capabilities.EndpointOf(ApiOperation.ListTrackings)))).ToArray();
        }

        /// <summary>
        /// An attempt's answer was lost or timed out and the last attempt failed (or was the same): an earlier attempt
        /// may still have done the work. Where the account shows it (created, removed), it is looked up.
        /// </summary>
        private async Task<IReadOnlyList<TrackingOutcome<TRequest>>> AfterLostAnswerAsync(TrackingMoreClient client, IReadOnlyList<TRequest> requests,
            TrackingMoreApiException failure, CallContext call)
        {
            if (Check == LostAnswerCheck.None) return requests.Select(request => Unknown(request, failure)).ToArray();
            IReadOnlyList<Tracking> found;
            try
            {
                found = await client.LookUpAsync(requests.Select(request => request.TrackingNumber).ToArray(), call).ConfigureAwait(false);
            }
            catch (TrackingMoreApiException lookupFailure) when (!lookupFailure.IsAuthenticationFailure)
            {
                return requests.Select(request => Unknown(request, failure)).ToArray();
            }
            return requests.Select(request =>
            {
                var held = Matching(found, request);
                var done = Check == LostAnswerCheck.PresentMeansDone ? held != null : held == null;
                return done ? Done(request, OutcomeKind.DoneByEarlierAttempt, held) : Failed(request, failure);
            }).ToArray();
        }

        private static Tracking? Matching(IReadOnlyList<Tracking> found, TrackingIdentity request) => found.FirstOrDefault(tracking =>
            string.Equals(tracking.TrackingNumber, request.TrackingNumber, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(tracking.CarrierCode, request.CarrierCode, StringComparison.OrdinalIgnoreCase));

        private static string Key(string? number, string? carrier) => (number ?? string.Empty).Trim() + "\n" + (carrier ?? string.Empty).Trim();

        private static TrackingOutcome<TRequest> Done(TRequest request, OutcomeKind kind, Tracking? tracking) =>
            new TrackingOutcome<TRequest>(request, kind, tracking, null);

        private static TrackingOutcome<TRequest> Failed(TRequest request, TrackingMoreApiException failure) =>
            new TrackingOutcome<TRequest>(request, OutcomeKind.Failed, null, failure);

        private static TrackingOutcome<TRequest> Unknown(TRequest request, TrackingMoreApiException failure) =>
            new TrackingOutcome<TRequest>(request, OutcomeKind.Unknown, null, failure);
    }
}
