using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// Compresses outgoing bodies with GZip and decompresses incoming ones, announced by AMQP <c>content-encoding: gzip</c>:
/// a consumer decompresses only what says it was compressed, so compressed and plain messages mix on one queue, and a
/// consumer with this middleware reads messages from publishers without it. Register it at the broker level
/// (<c>rabbit.Use(new GZipMiddleware())</c>): it then runs last when publishing (after middleware that changes the body)
/// and first when consuming (before middleware that reads it).
/// </summary>
public sealed class GZipMiddleware : RabbitMqMiddleware
{
    /// <summary>The <c>content-encoding</c> this middleware writes and reads.</summary>
    public const string Encoding = "gzip";

    /// <summary>Creates the middleware.</summary>
    /// <param name="minimumSize">Bodies shorter than this many bytes are sent as they are (compressing a few bytes makes
    /// them longer). Default 0: every body.</param>
    /// <param name="level">The compression level. Default <see cref="CompressionLevel.Fastest"/>.</param>
    public GZipMiddleware(int minimumSize = 0, CompressionLevel level = CompressionLevel.Fastest)
    {
        MinimumSize = minimumSize >= 0 ? minimumSize : throw new ArgumentOutOfRangeException(nameof(minimumSize), minimumSize, "The minimum size cannot be negative.");
        Level = level;
    }

    /// <summary>Bodies shorter than this are not compressed.</summary>
    public int MinimumSize { get; }

    /// <summary>The compression level.</summary>
    public CompressionLevel Level { get; }

    /// <inheritdoc />
    public override ValueTask OnPublishAsync(RabbitMqEnvelope envelope, RabbitMqNext next, CancellationToken cancellationToken)
    {
        // A body another middleware already encoded is left alone: one encoding per message.
        if (envelope.ContentEncoding is null && envelope.Body.Length >= MinimumSize)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, Level, leaveOpen: true))
            {
                gzip.Write(envelope.Body.Span);
            }

            envelope.Body = compressed.ToArray();
            envelope.ContentEncoding = Encoding;
        }

        return next.InvokeAsync(envelope, cancellationToken);
    }

    /// <inheritdoc />
    public override ValueTask OnMessageAsync(RabbitMqEnvelope message, RabbitMqNext next, CancellationToken cancellationToken)
    {
        if (string.Equals(message.ContentEncoding, Encoding, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var input = new MemoryStream(message.Body.ToArray(), writable: false);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                message.Body = plain.ToArray();
                message.ContentEncoding = null;
            }
            catch (InvalidDataException bad)
            {
                throw new UndeserializableMessageException("The body says content-encoding gzip but is not GZip data: " + bad.Message, bad);
            }
        }

        return next.InvokeAsync(message, cancellationToken);
    }
}
