namespace TrackingMore.Api
{
    /// <summary>
    /// Which part of a listing to hand out, counted across every listing of one <see cref="ITrackingMoreClient.ListAsync"/>
    /// as if they were one list: PowerShell's -Skip, -First, -PageSize and -All, in plain terms.
    /// </summary>
    public sealed class TrackingListRange
    {
        /// <summary>The page size when neither <see cref="PageSize"/>, <see cref="AllPages"/> nor <see cref="First"/> says otherwise.</summary>
        public const int DefaultPageSize = 100;

        /// <summary>Trackings to leave out first.</summary>
        public ulong Skip { get; set; }

        /// <summary>The most trackings to hand out, paging on as far as they need; null: no bound (one page of each listing, unless <see cref="AllPages"/>).</summary>
        public ulong? First { get; set; }

        /// <summary>
        /// Trackings a request (1 to <see cref="TrackingListQuery.MaxPageSize"/>); null: the largest under
        /// <see cref="AllPages"/>, else just enough for <see cref="Skip"/> plus <see cref="First"/>, else <see cref="DefaultPageSize"/>.
        /// </summary>
        public int? PageSize { get; set; }

        /// <summary>Every page, not only the first.</summary>
        public bool AllPages { get; set; }

        /// <summary>More than one page may be read: every page, or as many as <see cref="First"/> needs.</summary>
        internal bool ManyPages => AllPages || First.HasValue;
    }
}
