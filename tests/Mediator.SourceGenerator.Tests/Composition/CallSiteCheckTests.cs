using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// Calls checked at the composition root against everything the host and its modules handle: a request or stream
/// request sent and handled nowhere is MED0045 at the call in an application (MED0046, a warning, in a library, whose
/// host may handle it elsewhere); the near misses (handled in a module, an argument typed as an interface or a base
/// class) are not reported. A module's RegisterModule called by hand is MED0047.
/// </summary>
public sealed class CallSiteCheckTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public record Ping(int Value) : IRequest<int>;
        public sealed record SpecialPing(int Value) : Ping(Value);
        public abstract record Query : IRequest<int>;
        public sealed record Lost(int Value) : IRequest<int>;
        public sealed record LostCommand : IRequest;
        public sealed record LostStream : IStreamRequest<int>;
        public sealed record Count(int Upto) : IStreamRequest<int>;
        """;

    private const string Module = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class SpecialPingHandler : IRequestHandler<SpecialPing, int>
        {
            public ValueTask<int> Handle(SpecialPing request, CancellationToken cancellationToken) => new(request.Value + 1);
        }
        [Handler] internal sealed class CountHandler : IStreamRequestHandler<Count, int>
        {
            public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var i = 1; i <= request.Upto; i++) { await Task.Yield(); yield return i; }
            }
        }
        """;

    /// <summary>Every shape of call: the lost ones on lines marked <c>// lost</c>, the near misses on the others.</summary>
    private const string Host = """
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace Host;
        public static class Program
        {
            public static void Main() { }

            public static async Task Calls(ISender sender, IMediator mediator, Host.Mediator typed, IRequest<int> some, Query query, Ping ping)
            {
                await sender.Send(new Lost(1)); // lost
                await mediator.Send(new LostCommand()); // lost
                await typed.Send(new Lost(2)); // lost
                mediator.CreateStream(new LostStream()); // lost
                await sender.Send(new SpecialPing(1));
                await typed.Send(new SpecialPing(2));
                mediator.CreateStream(new Count(3));
                await sender.Send(some);
                await sender.Send(query);
                await sender.Send(ping);
            }
        }
        """;

    [Fact]
    public void A_message_sent_from_an_application_and_handled_nowhere_is_an_error_at_each_call()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", Host);

        var lost = host.GeneratorDiagnostics.Where(d => d.Id == "MED0045").ToList();
        Assert.All(lost, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(LostLines(), lost.Select(Line).OrderBy(l => l));
        Assert.Equal(lost.Count, host.GeneratorDiagnostics.Length);
        var first = lost.OrderBy(Line).First();
        Assert.Equal("sender.Send(new Lost(1))", first.Location.SourceTree!.GetText().ToString(first.Location.SourceSpan));
        Assert.Contains("Request 'Domain.Lost' has no handler in 'Host' or in the projects it references ('ModuleA')", first.GetMessage());
        Assert.Contains(lost, d => d.GetMessage().StartsWith("Stream request 'Domain.LostStream'", StringComparison.Ordinal));
    }

    [Fact]
    public void In_a_library_the_same_calls_are_warnings()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", Host);

        Assert.All(host.GeneratorDiagnostics, d => Assert.Equal("MED0046", d.Id));
        Assert.All(host.GeneratorDiagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal(LostLines(), host.GeneratorDiagnostics.Select(Line).OrderBy(l => l));
    }

    [Fact]
    public void A_project_that_handles_the_message_itself_is_not_reported()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", Host + """

            namespace Host
            {
                [Handler] internal sealed class LostHandler : IRequestHandler<Lost, int>
                {
                    public ValueTask<int> Handle(Lost request, System.Threading.CancellationToken cancellationToken) => new(0);
                }
            }
            """);

        Assert.DoesNotContain(host.GeneratorDiagnostics, d => d.GetMessage().Contains("'Domain.Lost'", StringComparison.Ordinal));
        Assert.Equal(2, host.GeneratorDiagnostics.Length);
    }

    [Fact]
    public void Calling_a_modules_RegisterModule_is_MED0047_naming_AddMediator()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", """
            using Microsoft.Extensions.DependencyInjection;
            namespace Host;
            public static class Startup
            {
                public static void Configure(IServiceCollection services) => ModuleA.Mediator.RegisterModule(services);
            }
            """);

        var error = Assert.Single(host.GeneratorDiagnostics);
        Assert.Equal("MED0047", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'ModuleA.Mediator.RegisterModule' is how the generated AddMediator() registers the module 'ModuleA'", error.GetMessage());
        Assert.Equal("ModuleA.Mediator.RegisterModule(services)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    [Fact]
    public async Task A_modules_mediator_resolved_in_the_host_dispatches_that_modules_messages()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", """
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                    var module = provider.GetRequiredService<ModuleA.Mediator>();
                    return (await module.Send(new Domain.SpecialPing(41))).ToString();
                }
            }
            """);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal("42", await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }

    /// <summary>
    /// A closed generic the code constructs (issue 23, item 2): <c>IdentifiedCommand&lt;CancelOrder, bool&gt;</c> has no
    /// handler while <c>IdentifiedCommand&lt;CreateOrder, bool&gt;</c> has one in a module; the first call is MED0045 and
    /// names the type as C# writes it, the second is not reported.
    /// </summary>
    [Fact]
    public void A_closed_generic_built_in_code_with_no_handler_is_MED0045()
    {
        var set = new ProjectSet().Plain("Domain", """
            using Mediator;
            namespace Domain;
            public sealed record CreateOrder(int Id) : IRequest<bool>;
            public sealed record CancelOrder(int Id) : IRequest<bool>;
            public sealed record IdentifiedCommand<TCommand, TResult>(TCommand Command, System.Guid RequestId) : IRequest<TResult>
                where TCommand : IRequest<TResult>;
            """);
        set.Module("ModuleA", """
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Domain;
            namespace ModuleA;
            [Handler] internal sealed class CreateOrderHandler : IRequestHandler<CreateOrder, bool>
            {
                public ValueTask<bool> Handle(CreateOrder request, CancellationToken cancellationToken) => new(true);
            }
            [Handler] internal sealed class CancelOrderHandler : IRequestHandler<CancelOrder, bool>
            {
                public ValueTask<bool> Handle(CancelOrder request, CancellationToken cancellationToken) => new(true);
            }
            [Handler] internal sealed class IdentifiedCreateHandler : IRequestHandler<IdentifiedCommand<CreateOrder, bool>, bool>
            {
                public ValueTask<bool> Handle(IdentifiedCommand<CreateOrder, bool> request, CancellationToken cancellationToken) => new(true);
            }
            """);
        var host = set.GenerateApplication("Host", """
            using System;
            using System.Threading.Tasks;
            using Mediator;
            using Domain;
            namespace Host;
            public static class Program
            {
                public static void Main() { }

                public static async Task Calls(ISender sender, Guid id)
                {
                    await sender.Send(new IdentifiedCommand<CancelOrder, bool>(new CancelOrder(1), id));
                    await sender.Send(new IdentifiedCommand<CreateOrder, bool>(new CreateOrder(1), id));
                }
            }
            """);

        var error = Assert.Single(host.GeneratorDiagnostics);
        Assert.Equal("MED0045", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("Request 'Domain.IdentifiedCommand<Domain.CancelOrder, bool>' has no handler", error.GetMessage());
        Assert.Equal(
            "sender.Send(new IdentifiedCommand<CancelOrder, bool>(new CancelOrder(1), id))",
            error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
    }

    private static IEnumerable<int> LostLines()
        => Host.Split('\n').Select((line, index) => (line, index)).Where(l => l.line.Contains("// lost", StringComparison.Ordinal)).Select(l => l.index);

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line;
}
