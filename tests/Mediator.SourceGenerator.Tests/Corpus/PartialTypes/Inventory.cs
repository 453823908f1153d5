using System.Collections.Generic;

namespace App.Inventory
{
    using Sku = System.String;

    /// <summary>Adds units of one item.</summary>
    public sealed partial class Restock : IRequest<int>
    {
        public Sku Item { get; init; } = "";
    }

    [Handler]
    public sealed partial class InventoryHandler : IRequestHandler<Restock, int>
    {
        private readonly Stock _stock = new();

        public ValueTask<int> Handle(Restock request, CancellationToken cancellationToken)
            => new(Add(request.Item, request.Count));
    }

    public interface IInventoryQuery : IRequest<int>
    {
        string Item { get; }
    }
}
