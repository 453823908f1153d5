namespace App.Inventory
{
    public sealed partial class Restock
    {
        public int Count { get; init; }
    }

    public sealed record CountStock(string Item) : IInventoryQuery;

    public partial class InventoryHandler : IRequestHandler<CountStock, int>
    {
        private int Add(string item, int count)
        {
            _stock.TryGetValue(item, out var current);
            return _stock[item] = current + count;
        }

        public ValueTask<int> Handle(CountStock request, CancellationToken cancellationToken)
            => new(_stock.TryGetValue(request.Item, out var count) ? count : 0);
    }
}
