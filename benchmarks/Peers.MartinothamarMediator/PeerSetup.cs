using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

/// <summary>
/// The one <c>AddMediator</c> call of this project: martinothamar/Mediator's generator reads its options at compile time
/// from this call, for every benchmark class here. Singletons throughout, as ours.
/// </summary>
public static class PeerSetup
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddMediator(options =>
        {
            options.Namespace = "PeerMediator3.Generated";
            // Only this assembly: by default the generator also compiles the handlers of every referenced assembly, here
            // the 10, 100 and 1,000 requests of benchmarks/Dispatch/PeerN, which would change every benchmark of this project.
            options.Assemblies = [typeof(PeerSetup)];
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors =
            [
                typeof(NoOp1<,>), typeof(NoOp2<,>), typeof(NoOp3<,>), typeof(NoOp4<,>), typeof(NoOp5<,>),
                typeof(NoOp6<,>), typeof(NoOp7<,>), typeof(NoOp8<,>), typeof(NoOp9<,>), typeof(NoOp10<,>), typeof(NoOp11<,>),
            ];
            options.StreamPipelineBehaviors = [typeof(StreamNoOp1<,>), typeof(StreamNoOp2<,>), typeof(StreamNoOp3<,>)];
        });
        return services.BuildServiceProvider();
    }
}
