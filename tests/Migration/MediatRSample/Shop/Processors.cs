using System.Threading;
using System.Threading.Tasks;
using MediatR.Pipeline;

namespace Shop
{
    public sealed class AuditPreProcessor<TRequest> : IRequestPreProcessor<TRequest>
    {
        private readonly OrderLog _log;

        public AuditPreProcessor(OrderLog log) => _log = log;

        public Task Process(TRequest request, CancellationToken cancellationToken)
        {
            _log.Write("pre " + typeof(TRequest).Name);
            return Task.CompletedTask;
        }
    }

    public sealed class AuditPostProcessor<TRequest, TResponse> : IRequestPostProcessor<TRequest, TResponse>
    {
        private readonly OrderLog _log;

        public AuditPostProcessor(OrderLog log) => _log = log;

        public Task Process(TRequest request, TResponse response)
        {
            _log.Write("post " + response);
            return Task.CompletedTask;
        }
    }
}
