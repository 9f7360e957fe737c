using System.Collections.Generic;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Shared by the cmdlets whose endpoint has a single form and a bulk form (create, update, delete): items go
    /// 40 a request, but a lone item goes to the single endpoint. Every item comes back exactly once: as an object
    /// or as an error naming it.
    /// </summary>
    public abstract class BulkTrackingCmdlet<TRequest> : TrackingBatchCmdlet<TRequest> where TRequest : TrackingIdentity
    {
        private bool _sentAny;

        /// <summary>Sends one item to the single endpoint; returns the API's tracking when it sends one.</summary>
        protected abstract Task<Tracking?> SendOneAsync(TRequest request, CallContext call);

        protected override void Send(IReadOnlyList<TRequest> batch)
        {
            var lone = batch.Count == 1 && !_sentAny;
            _sentAny = true;
            if (!lone)
            {
                base.Send(batch);
                return;
            }
            var request = batch[0];
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
            catch (TrackingMoreApiException failure) when (used?.MayHaveBeenDone == true && !failure.IsAuthenticationFailure)
            {
                ReportAfterLostAnswer(new[] { request }, failure);
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiError(failure, request);
            }
        }
    }
}
