using System;
using System.Collections.Generic;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Collects pipeline items and hands them on 40 at a time (the API's bulk cap) as soon as 40 are waiting, so
    /// output streams; <see cref="Flush"/> hands on the rest when the pipeline ends.
    /// </summary>
    internal sealed class BatchQueue<T>
    {
        private readonly List<T> _pending = new List<T>();
        private readonly Action<IReadOnlyList<T>> _send;

        public BatchQueue(Action<IReadOnlyList<T>> send) => _send = send;

        public void Add(T item)
        {
            _pending.Add(item);
            if (_pending.Count == TrackingMoreClient.MaxBulkItems) Flush();
        }

        public void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            _send(batch);
        }
    }
}
