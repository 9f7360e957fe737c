using System;
using System.Diagnostics;
using System.Management.Automation;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Write-Progress for a cmdlet that sends its items over several requests (40 a batch, or one a request at an
    /// endpoint's pace): items done, rate and, when the total is known (array input), percent and time left. Shown
    /// once a second request has been made, or the first when more are known to follow; a pipeline's count is not
    /// known up front, so then only what is known is shown.
    /// </summary>
    internal sealed class BulkProgress
    {
        private const int ActivityId = 0x7A12;
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private int _requests;
        private bool _shown;

        public BulkProgress(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
        }

        /// <summary>Items known to be coming, so far (array parameters add their length).</summary>
        public long Expected { get; set; }

        public void Done(int items)
        {
            _done += items;
            _requests++;
            var total = Math.Max(Expected, _done);
            if (_requests < 2 && _done >= total) return;
            var rate = _done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var record = new ProgressRecord(ActivityId, _activity,
                _done + (Expected > _done ? " of " + total : string.Empty) + " items done, " + rate.ToString("0.0") + "/s");
            if (Expected > 0)
            {
                record.PercentComplete = (int)Math.Min(100, _done * 100 / total);
                if (rate > 0) record.SecondsRemaining = (int)Math.Max(0, (total - _done) / rate);
            }
            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
