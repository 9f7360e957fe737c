using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>
    /// An answer's bytes in a pooled buffer. A 2000-item page is several megabytes: reading each into fresh arrays
    /// would put new large-object-heap garbage on every page, and a long -All would grow the process with it.
    /// </summary>
    internal sealed class ResponseBody : IDisposable
    {
        private const int FirstBufferSize = 64 * 1024;
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        private byte[]? _buffer;

        private ResponseBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlyMemory<byte> Memory => new ReadOnlyMemory<byte>(_buffer ?? throw new ObjectDisposedException(nameof(ResponseBody)), 0, Length);

        public static async Task<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            var expected = content.Headers.ContentLength;
            var buffer = ArrayPool<byte>.Shared.Rent(expected is long known && known > 0 && known < int.MaxValue - 1 ? (int)known + 1 : FirstBufferSize);
            var length = 0;
            try
            {
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
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

        /// <summary>The first characters, for an error message.</summary>
        public string Preview() => LooseJson.Preview(_buffer ?? Array.Empty<byte>(), Length);

        public void Dispose()
        {
            var buffer = Interlocked.Exchange(ref _buffer, null);
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
