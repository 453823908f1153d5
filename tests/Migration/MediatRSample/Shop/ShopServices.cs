using MediatR;
using MediatR.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Shop
{
    public static class ShopServices
    {
        /// <summary>Every handler, behaviour and processor registered by hand (the container package does not restore here).</summary>
        public static IServiceCollection AddShop(this IServiceCollection services)
        {
            services.AddSingleton<OrderLog>();
            services.AddSingleton<ServiceFactory>(provider => provider.GetService!);
            services.AddSingleton<IMediator, MediatR.Mediator>();
            services.AddTransient<IRequestHandler<PlaceOrder, int>, PlaceOrderHandler>();
            services.AddTransient<IRequestHandler<CancelOrder, Unit>, CancelOrderHandler>();
            services.AddTransient<IRequestHandler<GetPrice, decimal>, GetPriceHandler>();
            services.AddTransient<INotificationHandler<OrderPlaced>, SendConfirmation>();
            services.AddTransient<INotificationHandler<OrderPlaced>, ReserveStock>();
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestPreProcessorBehavior<,>));
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RequestPostProcessorBehavior<,>));
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TracingBehavior<,>));
            services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
            services.AddTransient(typeof(IRequestPreProcessor<>), typeof(AuditPreProcessor<>));
            services.AddTransient(typeof(IRequestPostProcessor<,>), typeof(AuditPostProcessor<,>));
            return services;
        }
    }
}
