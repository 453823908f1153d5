using System;
using System.Threading;
using System.Threading.Tasks;
using MediatR;

namespace Shop
{
    public sealed class PlaceOrderHandler : IRequestHandler<PlaceOrder, int>
    {
        private readonly OrderLog _log;

        public PlaceOrderHandler(OrderLog log) => _log = log;

        public async Task<int> Handle(PlaceOrder request, CancellationToken cancellationToken)
        {
            if (request.Quantity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(request), "quantity must be positive");
            }

            await Task.Yield();
            _log.Write("handle " + request.Product);
            return 42;
        }
    }

    public sealed class CancelOrderHandler : IRequestHandler<CancelOrder>
    {
        private readonly OrderLog _log;

        public CancelOrderHandler(OrderLog log) => _log = log;

        public Task<Unit> Handle(CancelOrder request, CancellationToken cancellationToken)
        {
            _log.Write("cancel " + request.Id);
            return Unit.Task;
        }
    }

    public sealed class GetPriceHandler : RequestHandler<GetPrice, decimal>
    {
        protected override decimal Handle(GetPrice request) => request.Product == "tea" ? 2.5m : 1m;
    }

    public sealed class SendConfirmation : INotificationHandler<OrderPlaced>
    {
        private readonly OrderLog _log;

        public SendConfirmation(OrderLog log) => _log = log;

        public Task Handle(OrderPlaced notification, CancellationToken cancellationToken)
        {
            _log.Write("confirm " + notification.Id);
            return Task.CompletedTask;
        }
    }

    public sealed class ReserveStock : NotificationHandler<OrderPlaced>
    {
        private readonly OrderLog _log;

        public ReserveStock(OrderLog log) => _log = log;

        protected override void Handle(OrderPlaced notification) => _log.Write("reserve " + notification.Id);
    }
}
