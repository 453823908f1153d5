namespace LoadHarness;

/// <summary>
/// The limit every Publish is measured against, written by hand with no library: two publish-side async layers, a
/// sequential fan-out to three handlers that collects failures and throws them together once all have run (as the
/// generated fan-out does), and three async layers around each handler. The notification and handlers are plain
/// classes of this file, so the same source compiles, unchanged, into every benchmark project (ours and
/// martinothamar/Mediator's, which cannot share an assembly), and every project's ratios are to the same code.
/// </summary>
public sealed class HandWrittenPublish
{
    private readonly Note _note = new();
    private readonly Handler _a = new();
    private readonly Handler _b = new();
    private readonly Handler _c = new();

    /// <summary>2 publish-side + 3 handler-side layers around three handlers.</summary>
    public ValueTask Run5(CancellationToken cancellationToken = default) => PublishLayer1(_note, cancellationToken);

    /// <summary>The fan-out alone: three handlers, no layers.</summary>
    public ValueTask Run0(CancellationToken cancellationToken = default) => FanOut0(_note, cancellationToken);

    /// <summary>The notification: a class with no members.</summary>
    public sealed class Note
    {
    }

    /// <summary>A handler that completes synchronously, as the benchmarks' handlers do.</summary>
    public sealed class Handler
    {
        public ValueTask Handle(Note notification, CancellationToken cancellationToken) => default;
    }

    private async ValueTask PublishLayer1(Note notification, CancellationToken cancellationToken) => await PublishLayer2(notification, cancellationToken);

    private async ValueTask PublishLayer2(Note notification, CancellationToken cancellationToken) => await FanOut(notification, cancellationToken);

    private async ValueTask FanOut(Note notification, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        try
        {
            await A1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await B1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await C1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }

    private async ValueTask A1(Note notification, CancellationToken cancellationToken) => await A2(notification, cancellationToken);

    private async ValueTask A2(Note notification, CancellationToken cancellationToken) => await A3(notification, cancellationToken);

    private async ValueTask A3(Note notification, CancellationToken cancellationToken) => await _a.Handle(notification, cancellationToken);

    private async ValueTask B1(Note notification, CancellationToken cancellationToken) => await B2(notification, cancellationToken);

    private async ValueTask B2(Note notification, CancellationToken cancellationToken) => await B3(notification, cancellationToken);

    private async ValueTask B3(Note notification, CancellationToken cancellationToken) => await _b.Handle(notification, cancellationToken);

    private async ValueTask C1(Note notification, CancellationToken cancellationToken) => await C2(notification, cancellationToken);

    private async ValueTask C2(Note notification, CancellationToken cancellationToken) => await C3(notification, cancellationToken);

    private async ValueTask C3(Note notification, CancellationToken cancellationToken) => await _c.Handle(notification, cancellationToken);

    private async ValueTask FanOut0(Note notification, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        try
        {
            await _a.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await _b.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await _c.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }
}
