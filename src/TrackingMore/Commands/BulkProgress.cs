using System;
using System.Diagnostics;
using System.Management.Automation;

namespace TrackingMore.Commands
{
    /// <summary>
    /// One command's progress bar: a status line, the rate since it began, and percent and time left when the total
    /// is known; Completed at the end only if anything was shown.
    /// </summary>
    internal sealed class CommandProgress
    {
        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private bool _shown;

        public CommandProgress(Cmdlet cmdlet, int activityId, string activity)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
        }

        /// <summary>Items a second since the command began.</summary>
        public double Rate(long done) => done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);

        public void Show(string status, long done, long? total)
        {
            var record = new ProgressRecord(_activityId, _activity, status);
            if (total is long all && all > 0)
            {
                var rate = Rate(done);
                record.PercentComplete = (int)Math.Min(100, done * 100 / all);
                if (rate > 0) record.SecondsRemaining = (int)Math.Max(0, (all - done) / rate);
            }
            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        public void Complete()
        {
            if (!_shown) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>
    /// Progress of a cmdlet that sends its items over several requests (40 a batch, or one a request at an
    /// endpoint's pace): items done, rate and, when the total is known (array input), percent and time left. Shown
    /// once a second request has been made, or the first when more are known to follow; a pipeline's count is not
    /// known up front, so then only what is known is shown.
    /// </summary>
    internal sealed class BulkProgress
    {
        private const int ActivityId = 0x7A12;
        private readonly CommandProgress _bar;
        private long _done;
        private int _requests;

        public BulkProgress(Cmdlet cmdlet, string activity) => _bar = new CommandProgress(cmdlet, ActivityId, activity);

        /// <summary>Items known to be coming, so far (array parameters add their length).</summary>
        public long Expected { get; set; }

        public void Done(int items)
        {
            _done += items;
            _requests++;
            var total = Math.Max(Expected, _done);
            if (_requests < 2 && _done >= total) return;
            _bar.Show(_done + (Expected > _done ? " of " + total : string.Empty) + " items done, " + _bar.Rate(_done).ToString("0.0") + "/s",
                _done, Expected > 0 ? total : (long?)null);
        }

        public void Complete() => _bar.Complete();
    }
}
