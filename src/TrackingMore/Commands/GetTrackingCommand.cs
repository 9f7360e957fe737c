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
        private const int DefaultPageSize = 100;

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

        /// <summary>Trackings a request (1-2000). Default 100, or 2000 under -All.</summary>
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
        /// The list, or with several statuses one listing per status in the order given (the API filters by one
        /// status a request): -First counts and -Skip skips across them all, as if they were one list.
        /// </summary>
        private void ListPages()
        {
            var firstGiven = MyInvocation.BoundParameters.ContainsKey("First");
            var wanted = firstGiven ? PagingParameters.First : ulong.MaxValue;
            if (wanted == 0) return;
            var statuses = Status is { Length: > 0 } ? Status.Distinct().Select(status => (TrackingStatus?)status).ToArray() : new TrackingStatus?[] { null };
            if (PagingParameters.IncludeTotalCount && statuses.Length > 1)
                WriteObject(PagingParameters.NewTotalCount(0, 0.0)); // each status's total comes with its own first page: the sum is not known first
            var skip = PagingParameters.Skip;
            var written = 0UL;
            foreach (var status in statuses)
            {
                skip = ListPages(status, skip, wanted, ref written, reportTotal: statuses.Length == 1);
                if (written >= wanted) return;
            }
        }

        /// <returns>What is left of <paramref name="skip"/> for the next status: the status's total, when the service reports it, was skipped.</returns>
        private ulong ListPages(TrackingStatus? status, ulong skip, ulong wanted, ref ulong written, bool reportTotal)
        {
            var bound = MyInvocation.BoundParameters;
            var firstGiven = bound.ContainsKey("First");

            // Page size: what the user asked; else the largest page under -All; else just enough for -Skip + -First.
            var limit = bound.ContainsKey(nameof(PageSize)) ? PageSize
                : All ? TrackingListQuery.MaxPageSize
                : firstGiven ? (int)Math.Min(TrackingListQuery.MaxPageSize, Math.Max(1, skip + (wanted - written)))
                : DefaultPageSize;
            var manyPages = All || firstGiven;
            var query = BuildQuery(limit, status).WithPage(checked((int)((long)Page + (long)(skip / (ulong)limit))));
            var pages = Stream(call => Client.ListAllAsync(query, call, (int)(skip % (ulong)limit),
                pinSnapshot: manyPages && !bound.ContainsKey(nameof(CreatedBefore))));

            var pagesRead = 0;
            var nextPage = query.Page;
            var progress = new PagingProgress(this, status);
            var writtenBefore = written;
            try
            {
                using var reader = pages.GetEnumerator();
                while (true)
                {
                    if (pagesRead > 0) progress.Show(nextPage, limit, written - writtenBefore);
                    TrackingPage page;
                    try
                    {
                        if (!reader.MoveNext()) return 0;
                        page = reader.Current;
                    }
                    catch (TrackingMoreApiException failure)
                    {
                        var record = ErrorRecords.FromApi(failure, "page " + nextPage);
                        if (pagesRead > 0)
                        {
                            record.ErrorDetails = new ErrorDetails("Listing stopped at page " + nextPage + ": " + failure.Message +
                                                                   " " + written + " trackings had already been written.")
                            { RecommendedAction = record.ErrorDetails?.RecommendedAction };
                        }
                        ThrowTerminatingError(record);
                        return 0;
                    }
                    if (++pagesRead == 1)
                    {
                        progress.Total = page.Total;
                        if (reportTotal && PagingParameters.IncludeTotalCount)
                            WriteObject(PagingParameters.NewTotalCount(page.Total is long total ? (ulong)Math.Max(0, total) : 0, page.Total.HasValue ? 1.0 : 0.0));
                        if (page.Items.Count == 0 && page.Total is long reported && (ulong)Math.Max(0, reported) <= skip)
                            return skip - (ulong)Math.Max(0, reported);
                    }
                    foreach (var tracking in page.Items)
                    {
                        WriteObject(tracking);
                        if (++written >= wanted) return 0;
                    }
                    if (!manyPages) return 0;
                    nextPage = page.Page + 1;
                }
            }
            finally
            {
                progress.Complete();
            }
        }

        private TrackingListQuery BuildQuery(int limit, TrackingStatus? status)
        {
            var bound = MyInvocation.BoundParameters;
            return new TrackingListQuery
            {
                Limit = limit,
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

            public PagingProgress(Cmdlet cmdlet, TrackingStatus? status) =>
                _bar = new CommandProgress(cmdlet, ActivityId, "Get-Tracking" + (status is TrackingStatus filter ? " -Status " + filter : string.Empty));

            public long? Total { get; set; }

            public void Show(long page, int limit, ulong written)
            {
                var pages = Total is long total ? Math.Max(1, (total + limit - 1) / limit) : (long?)null;
                _bar.Show("Page " + page + (pages.HasValue ? " of " + pages : string.Empty) + ", " + written + " trackings, " + _bar.Rate((long)written).ToString("0") + "/s",
                    (long)written, Total);
            }

            public void Complete() => _bar.Complete();
        }
    }
}
