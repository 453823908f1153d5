// Built with FEATURE_AUDIT defined and LEGACY undefined.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Features
{
    public sealed class Trace
    {
        public List<string> Steps { get; } = new();
    }

    #region Messages
    public sealed class Compute : IRequest<int>
    {
        public int Input { get; init; }
    }

#if LEGACY
    public sealed class LegacyCompute : IRequest<int> { }
#endif

#if FEATURE_AUDIT && !LEGACY
    public interface IAudited { }

    public sealed class AuditedCompute : IRequest<int>, IAudited
    {
        public int Input { get; init; }
    }
#endif
    #endregion

    [Handler]
    public sealed class ComputeHandler : IRequestHandler<Compute, int>
#if FEATURE_AUDIT
        , IRequestHandler<AuditedCompute, int>
#endif
    {
        private readonly Trace _trace;

        public ComputeHandler(Trace trace) => _trace = trace;

        public ValueTask<int> Handle(Compute request, CancellationToken cancellationToken)
        {
            _trace.Steps.Add("compute");
            return new(request.Input * 2);
        }

#if FEATURE_AUDIT
        public ValueTask<int> Handle(AuditedCompute request, CancellationToken cancellationToken)
        {
            _trace.Steps.Add("audited compute");
            return new(request.Input * 3);
        }
#endif
    }

#if FEATURE_AUDIT
#pragma warning disable CS1998 // the async method has no await on one path
    [Middleware(Order = 5)]
    public sealed class AuditMiddleware<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        where TRequest : IAudited
    {
        private readonly Trace _trace;

        public AuditMiddleware(Trace trace) => _trace = trace;

        public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
            where TNext : struct, INext<TRequest, TResponse>
        {
            _trace.Steps.Add("audit");
            return next.InvokeAsync(request, context);
        }
    }
#pragma warning restore CS1998
#else
    [Middleware]
    public sealed class NoAudit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    {
        public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
            where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
    }
#endif
}
