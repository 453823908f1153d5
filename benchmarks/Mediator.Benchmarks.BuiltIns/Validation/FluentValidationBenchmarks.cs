using BenchmarkDotNet.Attributes;
using FluentValidation;
using Mediator;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace BuiltInBenchmarks.Validation;

/// <summary>
/// A valid message through <see cref="ValidationMiddleware{TMessage, TResult}"/> alone (issue 21): the same two rules
/// (an e-mail address with '@', an adult's age) written as <see cref="IValidatable"/>, as a mediator
/// <c>IValidator&lt;T&gt;</c>, and as a FluentValidation <c>AbstractValidator&lt;T&gt;</c> run through
/// CompiledMediator.FluentValidation's adapter; and a message with no FluentValidation validator in an app that
/// registered the adapter (which the middleware leaves out).
/// </summary>
[MemoryDiagnoser]
public class FluentValidationBenchmarks
{
    private ServiceProvider _services = null!;
    private ValidationMiddleware<SelfChecked, int> _validatable = null!;
    private ValidationMiddleware<MediatorChecked, int> _mediatorValidator = null!;
    private ValidationMiddleware<FluentChecked, int> _fluent = null!;
    private ValidationMiddleware<Unchecked, int> _noFluentValidator = null!;
    private readonly SelfChecked _self = new("ann@shop.test", 30);
    private readonly MediatorChecked _mediatorMessage = new("ann@shop.test", 30);
    private readonly FluentChecked _fluentMessage = new("ann@shop.test", 30);
    private readonly Unchecked _unchecked = new("ann@shop.test", 30);

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddMediatorValidator<MediatorChecked, MediatorRules>();
        services.AddSingleton<FluentValidation.IValidator<FluentChecked>, FluentRules>();
        services.AddMediatorFluentValidation(ServiceLifetime.Singleton);
        _services = services.BuildServiceProvider();
        _validatable = new(_services.GetServices<global::Mediator.Validation.IValidator<SelfChecked>>());
        _mediatorValidator = new(_services.GetServices<global::Mediator.Validation.IValidator<MediatorChecked>>());
        _fluent = new(_services.GetServices<global::Mediator.Validation.IValidator<FluentChecked>>());
        _noFluentValidator = new(_services.GetServices<global::Mediator.Validation.IValidator<Unchecked>>());

        // Each really validates: an invalid message is refused by each of the three.
        await Refuses(_validatable, new SelfChecked("no", 3));
        await Refuses(_mediatorValidator, new MediatorChecked("no", 3));
        await Refuses(_fluent, new FluentChecked("no", 3));
    }

    private static async Task Refuses<T>(ValidationMiddleware<T, int> middleware, T message)
    {
        try
        {
            await middleware.InvokeAsync(message, new Answer<T>(), new MessageContext(typeof(T), default));
        }
        catch (global::Mediator.Validation.ValidationException exception) when (exception.Errors.Count == 2)
        {
            return;
        }

        throw new InvalidOperationException(typeof(T).Name + " was not refused with two errors");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask<int> Valid_IValidatable() => _validatable.InvokeAsync(_self, new Answer<SelfChecked>(), new MessageContext(typeof(SelfChecked), default));

    [Benchmark]
    public ValueTask<int> Valid_mediator_IValidator() => _mediatorValidator.InvokeAsync(_mediatorMessage, new Answer<MediatorChecked>(), new MessageContext(typeof(MediatorChecked), default));

    [Benchmark]
    public ValueTask<int> Valid_FluentValidation() => _fluent.InvokeAsync(_fluentMessage, new Answer<FluentChecked>(), new MessageContext(typeof(FluentChecked), default));

    [Benchmark]
    public ValueTask<int> No_FluentValidation_validator() => _noFluentValidator.InvokeAsync(_unchecked, new Answer<Unchecked>(), new MessageContext(typeof(Unchecked), default));

    private readonly struct Answer<T> : INext<T, int>
    {
        public ValueTask<int> InvokeAsync(T message, MessageContext context) => new(1);
    }
}

public sealed record SelfChecked(string Email, int Age) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Require(Email.Contains('@'), nameof(Email), "Not an e-mail address.");
        errors.Require(Age >= 18, nameof(Age), "Must be an adult.");
    }
}

public sealed record MediatorChecked(string Email, int Age);

public sealed record FluentChecked(string Email, int Age);

public sealed record Unchecked(string Email, int Age);

public sealed class MediatorRules : global::Mediator.Validation.IValidator<MediatorChecked>
{
    public ValueTask ValidateAsync(MediatorChecked message, ValidationErrors errors, CancellationToken cancellationToken)
    {
        errors.Require(message.Email.Contains('@'), nameof(MediatorChecked.Email), "Not an e-mail address.");
        errors.Require(message.Age >= 18, nameof(MediatorChecked.Age), "Must be an adult.");
        return default;
    }
}

public sealed class FluentRules : AbstractValidator<FluentChecked>
{
    public FluentRules()
    {
        RuleFor(m => m.Email).Must(e => e.Contains('@')).WithMessage("Not an e-mail address.");
        RuleFor(m => m.Age).GreaterThanOrEqualTo(18).WithMessage("Must be an adult.");
    }
}
