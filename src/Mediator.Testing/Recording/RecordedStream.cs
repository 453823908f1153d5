using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Mediator.Testing.Recording;

/// <summary>
/// Reads a stream from the mediator, recording each item, the exception that ends it, and its end; then disposes the
/// scope the stream was opened in, if it owns one (the stream's components live until its enumeration ends).
/// </summary>
internal static class RecordedStream
{
    public static async IAsyncEnumerable<TItem> Read<TItem>(
        IAsyncEnumerable<TItem> stream,
        DispatchRecord record,
        DispatchRecorder recorder,
        IAsyncDisposable? scope,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<TItem>? enumerator = null;
        Exception? failure = null;
        try
        {
            while (true)
            {
                TItem item;

                // Each MoveNextAsync resumes this iterator on the reader's context, not the one of the previous
                // step: set the record again so that what the pipeline reports now is attributed to it.
                recorder.Current = record;
                try
                {
                    enumerator ??= stream.GetAsyncEnumerator(cancellationToken);
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    item = enumerator.Current;
                }
                catch (Exception exception)
                {
                    failure = exception;
                    throw;
                }

                record.AddItem(item);
                yield return item;
            }
        }
        finally
        {
            try
            {
                if (enumerator is not null)
                {
                    recorder.Current = record;
                    await enumerator.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                failure ??= exception;
                throw;
            }
            finally
            {
                try
                {
                    if (scope is not null)
                    {
                        await scope.DisposeAsync().ConfigureAwait(false);
                    }
                }
                finally
                {
                    record.Complete(null, failure);
                }
            }
        }
    }
}
