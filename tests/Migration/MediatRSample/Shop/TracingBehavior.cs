using System.Threading;
using System.Threading.Tasks;
using MediatR;

namespace Shop
{
    /// <summary>Registered before LoggingBehavior, so it runs outside it; its name sorts after, so the port must keep the order.</summary>
    public sealed class TracingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    {
        private readonly OrderLog _log;

        public TracingBehavior(OrderLog log) => _log = log;

        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            _log.Write("trace start");
            try
            {
                return await next();
            }
            finally
            {
                _log.Write("trace end");
            }
        }
    }
}
