using System;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Counts the account's trackings in each status with one request (GET /trackings/getstatusnumber), instead of
    /// paging through them all. Writes one object: a property per status, and Total.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingStatusCount")]
    [OutputType(typeof(TrackingStatusCount))]
    public sealed class GetTrackingStatusCountCommand : TrackingMoreCmdlet
    {
        [Parameter]
        [ValidateApiDate]
        public DateTime? CreatedAfter { get; set; }

        [Parameter]
        [ValidateApiDate]
        public DateTime? CreatedBefore { get; set; }

        [Parameter]
        [ValidateApiDate]
        public DateTime? OrderCreatedAfter { get; set; }

        [Parameter]
        [ValidateApiDate]
        public DateTime? OrderCreatedBefore { get; set; }

        protected override void EndOfInput()
        {
            var query = new TrackingCountQuery
            {
                CreatedAfter = CreatedAfter,
                CreatedBefore = CreatedBefore,
                OrderCreatedAfter = OrderCreatedAfter,
                OrderCreatedBefore = OrderCreatedBefore,
            };
            WriteObject(RunOrThrow(call => Client.GetStatusCountAsync(query, call)));
        }
    }
}
