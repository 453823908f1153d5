using Mediator.SourceGenerator.Analyzers;

namespace Mediator.SourceGenerator.CodeFixes.Tests;

/// <summary>MED0034's fix: the attribute goes above the class, and <c>using Mediator;</c> only where it is missing.</summary>
public sealed class AddMissingAttributeCodeFixTests
{
    private readonly CodeFixRun _run = new(new MissingAttributeAnalyzer(), new AddMissingAttributeCodeFix());

    [Fact]
    public async Task Adds_Handler_above_an_indented_class_with_a_doc_comment()
    {
        var fixedSource = await _run.FixAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App
            {
                public sealed class Ping : IRequest<int> { }

                /// <summary>Answers pings.</summary>
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        Assert.Equal("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App
            {
                public sealed class Ping : IRequest<int> { }

                /// <summary>Answers pings.</summary>
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task Adds_Middleware_before_existing_attributes_and_the_using_after_the_System_ones()
    {
        var fixedSource = await _run.FixAsync("""
            using System;
            using System.Threading.Tasks;

            namespace App;

            [Obsolete("kept for a release")]
            public sealed class Logging<TRequest, TResponse> : Mediator.IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, Mediator.MessageContext context)
                    where TNext : struct, Mediator.INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Equal("""
            using System;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            [Middleware]
            [Obsolete("kept for a release")]
            public sealed class Logging<TRequest, TResponse> : Mediator.IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, Mediator.MessageContext context)
                    where TNext : struct, Mediator.INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """, fixedSource);
    }
}
