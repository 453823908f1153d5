using System.Threading;
using System.Threading.Tasks;
using MediatR;

namespace Shop
{
    public sealed class LoggingBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
    {
        private readonly OrderLog _log;

        public LoggingBehavior(OrderLog log) => _log = log;

        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _log.Write("before " + typeof(TRequest).Name);
            var response = await next();
            _log.Write("after " + typeof(TRequest).Name);
            return response;
        }
    }
}
