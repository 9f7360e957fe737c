using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Gets trackings: one page of the account's list with filters, every page with -All (at the API's rate limit,
    /// streaming, with progress), or given trackings by number with or without their carrier.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Tracking", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Tracking))]
    public sealed class GetTrackingCommand : RecordCmdlet
    {
        private const string ListSet = "List";
        private const string ByNumberSet = "ByNumber";

        /// <summary>Piped objects are looked up by number: they never select the listing.</summary>
        [Parameter(ParameterSetName = ByNumberSet, ValueFromPipeline = true, DontShow = true)]
        public override PSObject? InputObject { get => base.InputObject; set => base.InputObject = value; }

        [Parameter(Position = 0, ParameterSetName = ByNumberSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("tracking_number", "Number")]
        [ObjectsBindByColumn]
        [ValidateTrackingNumber]
        public string[] TrackingNumber { get; set; } = Array.Empty<string>();

        /// <summary>With a carrier, each number is one GET; without, numbers are looked up 40 a request in the list.</summary>
        [Parameter(Position = 1, ParameterSetName = ByNumberSet, ValueFromPipelineByPropertyName = true)]
        [Alias("carrier_code", "Carrier")]
        [CarrierCodeTransformation]
        [EmptyAsNull]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string? CarrierCode { get; set; }

        /// <summary>
        /// One or more statuses; several are listed one after the other, in the order given. The set is what Tab
        /// offers (an enum parameter completes every value, Unknown too, unless a set says otherwise); the first
        /// check refuses Unknown with a message of its own before the set's generic one.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateStatusFilter]
        [ValidateSet(nameof(TrackingStatus.Pending), nameof(TrackingStatus.NotFound), nameof(TrackingStatus.Transit), nameof(TrackingStatus.Pickup),
            nameof(TrackingStatus.Delivered), nameof(TrackingStatus.Undelivered), nameof(TrackingStatus.Exception), nameof(TrackingStatus.Expired))]
        public TrackingStatus[]? Status { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Under -All, the pages after the first default to the service's time of the first answer, so trackings created meanwhile do not shift pages.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? CreatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? UpdatedAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? UpdatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? OrderCreatedAfter { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateApiDate]
        public DateTime? OrderCreatedBefore { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Alias("order_id")]
        [ValidateCount(1, TrackingListQuery.MaxListValues)]
        public string[]? OrderId { get; set; }

        /// <summary>-Archived: archived trackings only; -Archived:$false: the others; absent: both.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter Archived { get; set; }

        /// <summary>The language of checkpoint texts, where the carrier offers it (e.g. en, cn).</summary>
        [Parameter]
        [Alias("lang")]
        [ValidateLanguage]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string? Language { get; set; }

        /// <summary>Trackings a request (1-2000). Default 100, or 2000 under -All, or just enough for -Skip plus -First.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, TrackingListQuery.MaxPageSize)]
        public int PageSize { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, int.MaxValue)]
        public int Page { get; set; } = 1;

        /// <summary>Every page, one request a second (the API's limit), written as each page arrives.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter All { get; set; }

        protected override void ProcessCompleteRecord()
        {
            if (ParameterSetName == ListSet)
            {
                ListPages();
                return;
            }
            foreach (var number in TrackingNumber)
            {
                if (CarrierCode != null)
                {
                    var tracking = new TrackingIdentity(number.Trim(), CarrierCode);
                    WriteAnswer(tracking, call => Client.GetTrackingAsync(tracking, Language, call));
                }
                else
                {
                    Enqueue(number.Trim(), LookUpNumbers);
                }
            }
        }

        /// <summary>Numbers without a carrier are found through the list's numbers filter, 40 a request.</summary>
        private void LookUpNumbers(IReadOnlyList<string> numbers)
        {
            IReadOnlyList<TrackingLookup> results;
            try
            {
                results = Run(call => Client.FindTrackingsAsync(numbers, Language, call));
            }
            catch (TrackingMoreApiException failure)
            {
                WriteApiErrors(failure, numbers);
                return;
            }
            foreach (var result in results)
            {
                if (result.Failure != null) WriteApiError(result.Failure, result.TrackingNumber);
                else WriteObject(result.Trackings, enumerateCollection: true);
            }
        }

        /// <summary>
        /// The list, or with several statuses one listing per status in the order given: the client counts -First and
        /// -Skip across them all, as if they were one list, and asks only for the pages they need.
        /// </summary>
        private void ListPages()
        {
            var bound = MyInvocation.BoundParameters;
            var range = new TrackingListRange
            {
                Skip = PagingParameters.Skip,
                First = bound.ContainsKey("First") ? PagingParameters.First : (ulong?)null,
                PageSize = bound.ContainsKey(nameof(PageSize)) ? PageSize : (int?)null,
                AllPages = All,
            };
            if (range.First == 0) return;
            if (range.PageSize > Client.Capabilities.MaxPageSize)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("-PageSize " + PageSize + " is more than API " + Client.Capabilities.Version +
                                                                   " allows (" + Client.Capabilities.MaxPageSize + ").", "TrackingMore.InvalidArgument", PageSize));
            }
            var statuses = Status is { Length: > 0 } ? Status.Distinct().Select(status => (TrackingStatus?)status).ToArray() : new TrackingStatus?[] { null };
            if (PagingParameters.IncludeTotalCount && statuses.Length > 1)
                WriteObject(PagingParameters.NewTotalCount(0, 0.0)); // each status's total comes with its own first page: the sum is not known first

            TrackingListWalk? walk = null;
            PagingProgress? progress = null;
            var written = 0UL;
            try
            {
                foreach (var page in Stream(call => walk = Client.ListAsync(statuses.Select(BuildQuery).ToArray(), range, call)))
                {
                    if (walk!.PagesRead == 1)
                    {
                        progress?.Complete();
                        progress = new PagingProgress(this, statuses[walk.Listing], written) { Total = page.Total };
                        if (statuses.Length == 1 && PagingParameters.IncludeTotalCount)
                            WriteObject(PagingParameters.NewTotalCount(page.Total is long total ? (ulong)Math.Max(0, total) : 0, page.Total.HasValue ? 1.0 : 0.0));
                    }
                    WriteObject(page.Items, enumerateCollection: true);
                    written += (ulong)page.Items.Count;
                    if (walk.MorePages) progress!.Show(walk.NextPage, walk.PageSize, written);
                }
            }
            catch (TrackingMoreApiException failure)
            {
                var record = ErrorRecords.FromApi(failure, "page " + walk!.NextPage);
                if (walk.PagesRead > 0)
                {
                    record.ErrorDetails = new ErrorDetails("Listing stopped at page " + walk.NextPage + ": " + failure.Message +
                                                           " " + written + " trackings had already been written.")
                    { RecommendedAction = record.ErrorDetails?.RecommendedAction };
                }
                ThrowTerminatingError(record);
            }
            finally
            {
                progress?.Complete();
            }
        }

        private TrackingListQuery BuildQuery(TrackingStatus? status)
        {
            var bound = MyInvocation.BoundParameters;
            return new TrackingListQuery
            {
                Page = Page,
                Status = status,
                CreatedAfter = CreatedAfter,
                CreatedBefore = CreatedBefore,
                UpdatedAfter = UpdatedAfter,
                UpdatedBefore = UpdatedBefore,
                OrderCreatedAfter = OrderCreatedAfter,
                OrderCreatedBefore = OrderCreatedBefore,
                Orders = OrderId,
                Language = Language,
                Archived = bound.ContainsKey(nameof(Archived)) ? Archived.IsPresent : (bool?)null,
            };
        }

        /// <summary>Write-Progress for runs longer than a page: page k of n, items so far, rate and time left.</summary>
        private sealed class PagingProgress
        {
            private const int ActivityId = 0x7A11;
            private readonly CommandProgress _bar;
            private readonly ulong _writtenBefore;

            /// <param name="writtenBefore">What the listings before this one wrote: the bar counts this listing's own.</param>
            public PagingProgress(Cmdlet cmdlet, TrackingStatus? status, ulong writtenBefore)
            {
                _bar = new CommandProgress(cmdlet, ActivityId, "Get-Tracking" + (status is TrackingStatus filter ? " -Status " + filter : string.Empty));
                _writtenBefore = writtenBefore;
            }

            public long? Total { get; set; }

            public void Show(long page, int limit, ulong writtenInAll)
            {
                var written = writtenInAll - _writtenBefore;
                var pages = Total is long total ? Math.Max(1, (total + limit - 1) / limit) : (long?)null;
                _bar.Show("Page " + page + (pages.HasValue ? " of " + pages : string.Empty) + ", " + written + " trackings, " + _bar.Rate((long)written).ToString("0") + "/s",
                    (long)written, Total);
            }

            public void Complete() => _bar.Complete();
        }
    }
}
