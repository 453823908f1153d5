using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>The generated source for each shape of user code, compared with committed snapshots.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Pipelines_with_constrained_middleware_and_a_void_request()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed record Ping(string Text) : IRequest<Pong>, IAudited;
            public sealed record Pong(string Text);
            public sealed record Forget(int Id) : IRequest;
            public interface IAudited { }

            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, Pong>
            {
                public ValueTask<Pong> Handle(Ping request, CancellationToken cancellationToken) => new(new Pong(request.Text));
            }

            [Handler]
            public sealed class ForgetHandler : IRequestHandler<Forget>
            {
                public ValueTask Handle(Forget request, CancellationToken cancellationToken) => default;
            }

            [Middleware(Order = 1)]
            public sealed class Logging<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }

            [Middleware(Order = 2)]
            public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>, IAudited
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        AssertClean(run);
        Snapshot.Verify(nameof(Pipelines_with_constrained_middleware_and_a_void_request), run);
    }

    [Fact]
    public void Global_namespace_record_struct_and_partial_requests()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            public record GlobalQuery : IRequest<int>;
            public readonly record struct StructQuery(int Id) : IRequest<string>;
            public partial class PartialCommand : IRequest { }
            public partial class PartialCommand { public int Value { get; set; } }

            [Handler]
            public class GlobalHandler : IRequestHandler<GlobalQuery, int>, IRequestHandler<StructQuery, string>, IRequestHandler<PartialCommand>
            {
                public ValueTask<int> Handle(GlobalQuery request, CancellationToken cancellationToken) => new(1);
                public ValueTask<string> Handle(StructQuery request, CancellationToken cancellationToken) => new(request.Id.ToString());
                public ValueTask Handle(PartialCommand request, CancellationToken cancellationToken) => default;
            }
            """);

        AssertClean(run);
        Snapshot.Verify(nameof(Global_namespace_record_struct_and_partial_requests), run);
    }

    [Fact]
    public void Requests_with_the_same_name_in_two_namespaces_get_distinct_pipelines()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace Billing { public sealed class GetInvoice : IRequest<int> { } }
            namespace Archive { public sealed class GetInvoice : IRequest<int> { } }

            namespace App
            {
                [Handler]
                internal sealed class BillingHandler : IRequestHandler<Billing.GetInvoice, int>
                {
                    public ValueTask<int> Handle(Billing.GetInvoice request, CancellationToken cancellationToken) => new(1);
                }

                [Handler]
                internal sealed class ArchiveHandler : IRequestHandler<Archive.GetInvoice, int>
                {
                    public ValueTask<int> Handle(Archive.GetInvoice request, CancellationToken cancellationToken) => new(2);
                }
            }
            """);

        AssertClean(run);
        Snapshot.Verify(nameof(Requests_with_the_same_name_in_two_namespaces_get_distinct_pipelines), run);
    }

    [Fact]
    public void Lifetimes_explicit_implementations_and_closed_middleware()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed class Save : IRequest<bool> { }
            public sealed class Load : IRequest<string?> { }

            [Handler(Lifetime = ComponentLifetime.Scoped)]
            internal sealed class SaveHandler : IRequestHandler<Save, bool>
            {
                ValueTask<bool> IRequestHandler<Save, bool>.Handle(Save request, CancellationToken cancellationToken) => new(true);
            }

            [Handler(Lifetime = ComponentLifetime.Transient)]
            internal sealed class LoadHandler : IRequestHandler<Load, string?>
            {
                public ValueTask<string?> Handle(Load request, CancellationToken cancellationToken) => new((string?)null);
            }

            [Middleware(Order = 5)]
            internal sealed class SaveOnly : IRequestMiddleware<Save, bool>
            {
                ValueTask<bool> IMiddleware<Save, bool>.InvokeAsync<TNext>(Save request, TNext next, MessageContext context)
                    => next.InvokeAsync(request, context);
            }

            [Middleware(Order = -5)]
            internal sealed class ReferenceResponsesOnly<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TResponse : class
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        AssertClean(run);
        Snapshot.Verify(nameof(Lifetimes_explicit_implementations_and_closed_middleware), run);
    }

    [Fact]
    public void Handler_for_a_request_from_a_referenced_assembly()
    {
        var contracts = GeneratorRun.CreateCompilation(
            new[]
            {
                """
                namespace Contracts;
                public sealed class GetPrice : Mediator.IRequest<decimal> { public string Sku { get; init; } = ""; }
                """,
            },
            assemblyName: "Contracts");
        using var stream = new MemoryStream();
        Assert.True(contracts.Emit(stream).Success);
        var reference = MetadataReference.CreateFromImage(stream.ToArray());

        var run = GeneratorRun.For(
            new[]
            {
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Mediator;

                namespace Shop;

                [Handler]
                public sealed class GetPriceHandler : IRequestHandler<Contracts.GetPrice, decimal>
                {
                    public ValueTask<decimal> Handle(Contracts.GetPrice request, CancellationToken cancellationToken) => new(9.99m);
                }
                """,
            },
            new[] { reference },
            rootNamespace: "Shop");

        AssertClean(run);
        Snapshot.Verify(nameof(Handler_for_a_request_from_a_referenced_assembly), run);
    }

    [Fact]
    public void A_project_without_handlers_gets_no_mediator()
    {
        var run = GeneratorRun.For("namespace App; public sealed class Nothing { }");

        AssertClean(run);
        Assert.Equal(0, MediatorOutput.ResolvedMessages(run));
        Assert.Empty(run.GeneratedSources);
    }

    internal static void AssertClean(GeneratorRun run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }
}
