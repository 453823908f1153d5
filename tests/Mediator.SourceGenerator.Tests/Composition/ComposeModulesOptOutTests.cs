using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// <c>&lt;MediatorComposeModules&gt;false&lt;/MediatorComposeModules&gt;</c>: a project that references a module keeps only its
/// own handlers. Its mediator handles its own requests, registers no module and writes no forwarding file; sending the
/// module's request there is MED0045 as for any unhandled request, which says how to compose. With the property true,
/// empty or absent the module is composed; another value is MED0048 and composes too.
/// </summary>
public sealed class ComposeModulesOptOutTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Ping(int Value) : IRequest<int>;
        public sealed record Local(int Value) : IRequest<int>;
        """;

    private const string Module = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(request.Value + 1);
        }
        """;

    /// <summary>The host's own handler; the module's request is sent on the line marked <c>// module</c>.</summary>
    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace Host;
        [Handler] internal sealed class LocalHandler : IRequestHandler<Local, int>
        {
            public ValueTask<int> Handle(Local request, CancellationToken cancellationToken) => new(request.Value * 10);
        }
        public static class Program
        {
            public static void Main() { }

            public static async Task Calls(ISender sender)
            {
                await sender.Send(new Local(1));
                await sender.Send(new Ping(1)); // module
            }
        }
        """;

    /// <summary>Runs the host's own request, then tries the module's one through the resolved <c>ISender</c>.</summary>
    private const string Entry = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Mediator;
        namespace App;
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                var sender = provider.GetRequiredService<ISender>();
                var local = await sender.Send(new Domain.Local(4));
                var module = provider.GetService<ModuleA.Mediator>() is null ? "no module" : "module registered";
                string ping;
                IRequest<int> request = new Domain.Ping(41); // typed as the interface: no call-site check, the run-time path
                try { ping = (await sender.Send(request)).ToString(); }
                catch (Exception exception) { ping = exception.GetType().Name; }
                return local + " " + module + " " + ping;
            }
        }
        """;

    private static readonly Dictionary<string, string> s_optedOut = new() { ["MediatorComposeModules"] = "false" };

    [Theory]
    [InlineData("false")]
    [InlineData(" False ")]
    public void Opted_out_the_host_keeps_its_own_handlers_and_a_send_of_the_modules_request_is_MED0045(string value)
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", new Dictionary<string, string> { ["MediatorComposeModules"] = value }, Host);

        var unhandled = Assert.Single(host.GeneratorDiagnostics);
        Assert.Equal("MED0045", unhandled.Id);
        Assert.Equal(DiagnosticSeverity.Error, unhandled.Severity);
        Assert.Equal("sender.Send(new Ping(1))", unhandled.Location.SourceTree!.GetText().ToString(unhandled.Location.SourceSpan));
        Assert.StartsWith("Request 'Domain.Ping' has no handler in 'Host'", unhandled.GetMessage(), StringComparison.Ordinal);
        // It says why the reference's handler is not reached, and how to reach it.
        Assert.Contains("<MediatorComposeModules>false</MediatorComposeModules> in this project keeps it to its own handlers: remove that setting, or set it to true", unhandled.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.GeneratedSources, s => s.HintName.EndsWith("Mediator.Modules.g.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(host.GeneratedSources, s => s.Text.Contains("ModuleA", StringComparison.Ordinal));
        Assert.Contains(host.GeneratedSources, s => s.HintName.EndsWith("Mediator.Module.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opted_out_the_host_mediator_handles_only_its_own_requests_at_run_time()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", s_optedOut, Host.Replace("await sender.Send(new Ping(1)); // module", string.Empty, StringComparison.Ordinal), Entry);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal("40 no module HandlerNotFoundException", await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("")]
    public async Task Otherwise_the_module_is_composed_and_its_request_forwarded(string? value)
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var properties = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["MediatorComposeModules"] = value };
        var host = set.GenerateApplication("Host", properties, Host, Entry);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Contains(host.GeneratedSources, s => s.HintName.EndsWith("Mediator.Modules.g.cs", StringComparison.Ordinal));
        Assert.Equal("40 module registered 42", await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }

    [Theory]
    [InlineData("flase")]
    [InlineData("no")]
    public async Task Another_value_is_MED0048_naming_it_and_the_accepted_ones_and_the_module_is_composed(string value)
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", new Dictionary<string, string> { ["MediatorComposeModules"] = value }, Host, Entry);

        var invalid = Assert.Single(host.GeneratorDiagnostics);
        Assert.Equal("MED0048", invalid.Id);
        Assert.Equal(DiagnosticSeverity.Warning, invalid.Severity);
        Assert.StartsWith("<MediatorComposeModules> is '" + value + "', which is not a value it accepts ('true' (the default) or 'false')", invalid.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("40 module registered 42", await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }
}
