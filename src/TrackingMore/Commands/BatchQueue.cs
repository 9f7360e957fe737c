using System;
using System.Collections.Generic;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>What <see cref="TrackingMoreCmdlet"/> needs of its queue at the pipeline's end, whatever the item type.</summary>
    internal interface IBatchQueue
    {
        void Flush();
    }

    /// <summary>
    /// Collects pipeline items and hands them on a batch at a time (the version's bulk cap, 40 on v2) as soon as a batch is waiting, so
    /// output streams; <see cref="Flush"/> hands on the rest when the pipeline ends.
    /// </summary>
    internal sealed class BatchQueue<T> : IBatchQueue
    {
        private readonly List<T> _pending = new List<T>();
        private readonly Action<IReadOnlyList<T>, bool> _send;
        private readonly int _batchSize;
        private bool _sentAny;

        /// <param name="batchSize">Items a request carries: the connection's <see cref="ApiCapabilities.BatchSize"/>.</param>
        /// <param name="send">Gets each batch, and whether it is a lone item that is all the pipeline brought.</param>
        public BatchQueue(int batchSize, Action<IReadOnlyList<T>, bool> send)
        {
            _batchSize = batchSize;
            _send = send;
        }

        public void Add(T item)
        {
            _pending.Add(item);
            if (_pending.Count == _batchSize) Flush();
        }

        public void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            var alone = batch.Length == 1 && !_sentAny;
            _sentAny = true;
            _send(batch, alone);
        }
    }
}
