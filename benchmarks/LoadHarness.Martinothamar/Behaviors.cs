using Mediator;

namespace LoadHarness.Martinothamar;

// The seed's middlewares as martinothamar/Mediator 3.0.2 pipeline behaviors: the same work as ours in
// LoadHarness.Ours/Middlewares.cs. Registered in this order in Program.cs (outermost first).

public sealed class NoOp1<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IOneNoOp
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await next(message, cancellationToken);
    }
}

public sealed class NoOp2<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveNoOps
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await next(message, cancellationToken);
    }
}

public sealed class NoOp3<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveNoOps
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await next(message, cancellationToken);
    }
}

public sealed class NoOp4<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveNoOps
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await next(message, cancellationToken);
    }
}

public sealed class NoOp5<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveNoOps
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        return await next(message, cancellationToken);
    }
}

public sealed class Blocking1<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveBlocking
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        BlockingWork.Write(1);
        return await next(message, cancellationToken);
    }
}

public sealed class Blocking2<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveBlocking
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        BlockingWork.Write(2);
        return await next(message, cancellationToken);
    }
}

public sealed class Blocking3<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveBlocking
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        BlockingWork.Write(3);
        return await next(message, cancellationToken);
    }
}

public sealed class Blocking4<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveBlocking
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        BlockingWork.Write(4);
        return await next(message, cancellationToken);
    }
}

public sealed class Blocking5<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveBlocking
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        BlockingWork.Write(5);
        return await next(message, cancellationToken);
    }
}

public sealed class Delay1<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveDelays
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await Task.Delay(message.DelayMilliseconds);
        return await next(message, cancellationToken);
    }
}

public sealed class Delay2<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveDelays
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await Task.Delay(message.DelayMilliseconds);
        return await next(message, cancellationToken);
    }
}

public sealed class Delay3<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveDelays
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await Task.Delay(message.DelayMilliseconds);
        return await next(message, cancellationToken);
    }
}

public sealed class Delay4<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveDelays
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await Task.Delay(message.DelayMilliseconds);
        return await next(message, cancellationToken);
    }
}

public sealed class Delay5<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveDelays
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await Task.Delay(message.DelayMilliseconds);
        return await next(message, cancellationToken);
    }
}
