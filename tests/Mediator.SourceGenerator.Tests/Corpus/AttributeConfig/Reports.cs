using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Reports;

public enum Tier { Free, Pro }

[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class QuotaAttribute : Attribute
{
    public QuotaAttribute(int perMinute, string bucket = "default")
    {
        PerMinute = perMinute;
        Bucket = bucket;
    }

    public int PerMinute { get; }

    public string Bucket { get; }

    public Tier Tier { get; set; }

    public Type? Owner { get; set; }

    public string[]? Tags { get; set; }
}

[RequiresConcern("Quota")]
public interface IMetered { }

[Quota(60, "reports", Tier = Tier.Pro, Owner = typeof(ReportHandler), Tags = new[] { "pdf", "csv" })]
public sealed record RenderReport(string Name) : IRequest<string>, IMetered;

[Quota(5)]
public abstract record Export : IMetered;

public sealed record ExportCsv(string Name) : Export, IRequest<string>;

public sealed class Usage
{
    public List<string> Lines { get; } = new();
}

[Handler]
public sealed class ReportHandler : IRequestHandler<RenderReport, string>, IRequestHandler<ExportCsv, string>
{
    public ValueTask<string> Handle(RenderReport request, CancellationToken cancellationToken) => new("report " + request.Name);

    public ValueTask<string> Handle(ExportCsv request, CancellationToken cancellationToken) => new("csv " + request.Name);
}

/// <summary>Built for each message from its [Quota], with its other parameters from the container.</summary>
[Middleware(Order = 7, Concern = "Quota")]
public sealed class QuotaMiddleware<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IMetered
{
    private readonly string _line;
    private readonly Usage _usage;

    public QuotaMiddleware(QuotaAttribute quota, Usage usage, IServiceProvider? services = null, int burst = 2)
    {
        _usage = usage;
        _line = $"{quota.Bucket}:{quota.PerMinute}:{quota.Tier}:{quota.Owner?.Name ?? "-"}:{string.Join("/", quota.Tags ?? Array.Empty<string>())}:{burst}";
    }

    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        _usage.Lines.Add(_line);
        return next.InvokeAsync(request, context);
    }
}
