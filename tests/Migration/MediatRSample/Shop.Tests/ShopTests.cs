using System;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Shop.Tests
{
    public sealed class ShopTests
    {
        private readonly ServiceProvider _provider = new ServiceCollection().AddShop().BuildServiceProvider();

        private IMediator Sender => _provider.GetRequiredService<IMediator>();

        private OrderLog Log => _provider.GetRequiredService<OrderLog>();

        [Fact]
        public async Task A_request_runs_through_the_behaviour_and_the_processors()
        {
            var id = await Sender.Send(new PlaceOrder("tea", 2));

            Assert.Equal(42, id);
            Assert.Equal(new[] { "pre PlaceOrder", "trace start", "before PlaceOrder", "handle tea", "after PlaceOrder", "trace end", "post 42" }, Log.Entries);
        }

        [Fact]
        public async Task A_void_request_and_a_synchronous_handler()
        {
            await Sender.Send(new CancelOrder(7));
            var price = await Sender.Send(new GetPrice("tea"));

            Assert.Equal(2.5m, price);
            Assert.Contains("cancel 7", Log.Entries);
        }

        [Fact]
        public async Task A_notification_reaches_every_handler()
        {
            await Sender.Publish(new OrderPlaced(9));

            Assert.Contains("confirm 9", Log.Entries);
            Assert.Contains("reserve 9", Log.Entries);
        }

        [Fact]
        public async Task A_handler_failure_reaches_the_caller()
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Sender.Send(new PlaceOrder("tea", 0)));
        }
    }
}
