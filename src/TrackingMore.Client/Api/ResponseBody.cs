using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace TrackingMore.Api
{
    /// <summary>An answer was, or said it would be, larger than the connection allows.</summary>
    internal sealed class ResponseTooLargeException : Exception
    {
        public ResponseTooLargeException(long limit, long? declared)
            : base(declared is long length
                ? "declared a body of " + length + " bytes, more than the limit of " + limit + " bytes"
                : "sent more than the limit of " + limit + " bytes")
        {
        }
    }

    /// <summary>
    /// An answer's bytes, read up to a limit. A 2000-item page is several megabytes: reading each into fresh arrays
    /// would put new large-object-heap garbage on every page, and a long -All would grow the process with it, so
    /// buffers are pooled. Small ones come from the shared pool; those of a megabyte and more from a pool of this
    /// class's own that keeps at most <see cref="LargeBuffersPerSize"/> of each size: the shared pool keeps one of
    /// each size per thread that returned one, and an -All whose pages were read on ever more pool threads grew by
    /// tens of MB with them (bench/RESULTS.md). Buffers over <see cref="LargestPooledBuffer"/> (a hostile or broken
    /// server's) are plain arrays that the garbage collector takes back, never kept for the process's life.
    /// </summary>
    internal sealed class ResponseBody : IDisposable
    {
        private const int FirstBufferSize = 64 * 1024;
        private const int LargestPooledBuffer = 16 * 1024 * 1024;
        private const int SmallestLargeBuffer = 1024 * 1024;

        /// <summary>Two listings at once (two runspaces) each find their page buffers here.</summary>
        private const int LargeBuffersPerSize = 2;

        private static readonly ArrayPool<byte> LargeBuffers = ArrayPool<byte>.Create(LargestPooledBuffer, LargeBuffersPerSize);
        private const int PreviewChars = 200;
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        private byte[]? _buffer;

        private ResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_buffer ?? throw new ObjectDisposedException(nameof(ResponseBody)), 0, Length);

        /// <summary>Reads the (decompressed) body, failing as soon as it is known to pass <paramref name="maximumBytes"/>.</summary>
        /// <exception cref="ResponseTooLargeException">Content-Length or the bytes read pass the limit.</exception>
        public static async Task<ResponseBody> ReadAsync(HttpContent content, long maximumBytes, CancellationToken cancellationToken)
        {
            var declared = content.Headers.ContentLength;
            if (declared > maximumBytes) throw new ResponseTooLargeException(maximumBytes, declared);
            // One byte more than the limit is room enough to see that a body passes it.
            var capacityLimit = checked((int)Math.Min(maximumBytes + 1, int.MaxValue));
            var buffer = Rent(declared is long known && known > 0 ? (int)Math.Min(known + 1, Math.Min(LargestPooledBuffer, capacityLimit)) : FirstBufferSize);
            var length = 0;
            try
            {
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length >= capacityLimit) throw new ResponseTooLargeException(maximumBytes, null);
                        var larger = Rent((int)Math.Min(capacityLimit, checked((long)buffer.Length * 2)));
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
                if (length > maximumBytes) throw new ResponseTooLargeException(maximumBytes, null);
            }
            catch
            {
                Return(buffer);
                throw;
            }
            return new ResponseBody(buffer, length);
        }

        /// <summary>
        /// The bytes to parse. System.Text.Json checks UTF-8 inside strings only when a string is read, and then
        /// throws; one bad byte in a carrier's checkpoint text must not cost the whole page, so such bytes become
        /// U+FFFD (in a copy; valid answers, the usual case, are parsed where they lie).
        /// </summary>
        public ReadOnlyMemory<byte> ValidUtf8()
        {
            var memory = Memory;
            try
            {
                StrictUtf8.GetCharCount(_buffer!, 0, Length);
                return memory;
            }
            catch (DecoderFallbackException)
            {
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_buffer!, 0, Length));
            }
        }

        /// <summary>
        /// The first characters, for an error message. The text is redacted before it is cut, so a key that the
        /// cut would split is masked whole instead of leaving its first characters behind.
        /// </summary>
        public string Preview(Func<string?, string> redact)
        {
            // Enough bytes for the preview in any script, and for a whole key that straddles its end.
            var text = Encoding.UTF8.GetString(_buffer ?? Array.Empty<byte>(), 0, Math.Min(Length, PreviewChars * 4 + 1024));
            return SecretText.Preview(redact(text), PreviewChars);
        }

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) Return(buffer);
        }

        private static byte[] Rent(int size) => PoolFor(size)?.Rent(size) ?? new byte[size];

        private static void Return(byte[] buffer) => PoolFor(buffer.Length)?.Return(buffer);

        private static ArrayPool<byte>? PoolFor(int size) =>
            size > LargestPooledBuffer ? null : size >= SmallestLargeBuffer ? LargeBuffers : ArrayPool<byte>.Shared;
    }
}
