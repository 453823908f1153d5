using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// A project with no handlers and no module among its references only passes the package on: it gets no mediator, and
/// a call to <c>AddMediator()</c> there says why (MED0044) instead of registering a mediator that dispatches nothing.
/// </summary>
public sealed class NoMediatorTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record OrderShipped(int Id) : INotification;
        public sealed record Ping(int Value) : IRequest<int>;
        """;

    [Fact]
    public void An_infrastructure_project_that_only_injects_IPublisher_builds_clean_and_gets_nothing()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        var infrastructure = set.Generate("Infrastructure", """
            using System.Threading.Tasks;
            using Mediator;
            using Domain;
            namespace Infrastructure;
            public sealed class Shipping(IPublisher publisher)
            {
                public ValueTask Ship(int id) => publisher.Publish(new OrderShipped(id));
            }
            """);

        Assert.Empty(infrastructure.GeneratorDiagnostics);
        Assert.Empty(infrastructure.CompilationErrors);
        Assert.Empty(infrastructure.GeneratedSources);
    }

    [Fact]
    public void AddMediator_in_a_project_without_handlers_is_MED0044_at_the_call()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        var web = set.Generate("Web", """
            using Microsoft.Extensions.DependencyInjection;
            namespace Web;
            public static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddLogging2();
                    services.AddMediator();
                }
            }
            public static class Extensions
            {
                public static IServiceCollection AddLogging2(this IServiceCollection services) => services;
            }
            """);

        var error = Assert.Single(web.GeneratorDiagnostics);
        Assert.Equal("MED0044", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("services.AddMediator()", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Contains("'AddMediator()' is not generated in 'Web'", error.GetMessage());
        Assert.Contains(web.CompilationErrors, d => d.Id == "CS1061");
        Assert.Empty(web.GeneratedSources);
    }

    [Fact]
    public void AddMediator_in_a_project_with_handlers_is_not_reported()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        var app = set.Generate("App", """
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            [Handler] public sealed class PingHandler : IRequestHandler<Domain.Ping, int>
            {
                public ValueTask<int> Handle(Domain.Ping request, CancellationToken cancellationToken) => new(request.Value);
            }
            public static class Startup
            {
                public static IServiceCollection Configure(IServiceCollection services) => services.AddMediator();
            }
            """);

        Assert.Empty(app.GeneratorDiagnostics);
        Assert.Empty(app.CompilationErrors);
    }
}
