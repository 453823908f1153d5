using MediatR;

namespace Shop
{
    public sealed class PlaceOrder : IRequest<int>
    {
        public PlaceOrder(string product, int quantity)
        {
            Product = product;
            Quantity = quantity;
        }

        public string Product { get; }

        public int Quantity { get; }
    }

    public sealed class CancelOrder : IRequest
    {
        public CancelOrder(int id) => Id = id;

        public int Id { get; }
    }

    public sealed class GetPrice : IRequest<decimal>
    {
        public GetPrice(string product) => Product = product;

        public string Product { get; }
    }

    public sealed class OrderPlaced : INotification
    {
        public OrderPlaced(int id) => Id = id;

        public int Id { get; }
    }
}
