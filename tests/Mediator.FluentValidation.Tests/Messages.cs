using FluentValidation;
using Mediator;
using Mediator.Validation;
using Microsoft.EntityFrameworkCore;

namespace FluentValidationTests;

/// <summary>Checked by all three sources: its own <see cref="IValidatable"/>, a FluentValidation validator and a mediator validator.</summary>
public sealed record Register(string Email, int Age, string Name) : IRequest<int>, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Name.Length > 0, nameof(Name), "Name is required.");
}

/// <summary>Checked by nothing but its type: no FluentValidation validator, no mediator validator, not IValidatable.</summary>
public sealed record Rename(int Id, string Name) : IRequest<int>;

/// <summary>A stream request with a FluentValidation validator: checked before the first item.</summary>
public sealed record ListUsers(int PageSize) : IStreamRequest<string>;

/// <summary>
/// FluentValidation rules, synchronous and asynchronous; the asynchronous one queries the request's own DbContext
/// (scoped), and records which instance it used.
/// </summary>
public sealed class RegisterRules : AbstractValidator<Register>
{
    public RegisterRules(UsersDb db, ScopeProbe probe)
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress();
        RuleFor(r => r.Age).GreaterThanOrEqualTo(18).WithMessage("Must be an adult.");
        RuleFor(r => r.Email).MustAsync(async (email, ct) =>
        {
            probe.ValidatorDb = db;
            return !await db.Users.AnyAsync(u => u.Email == email, ct);
        }).WithMessage("Already registered.");
    }
}

public sealed class ListUsersRules : AbstractValidator<ListUsers>
{
    public ListUsersRules() => RuleFor(r => r.PageSize).InclusiveBetween(1, 100);
}

/// <summary>The mediator's own validator of the same message: its errors join FluentValidation's.</summary>
public sealed class NoExampleDomain : global::Mediator.Validation.IValidator<Register>
{
    public ValueTask ValidateAsync(Register message, ValidationErrors errors, CancellationToken cancellationToken)
    {
        errors.Require(!message.Email.EndsWith("@example.com", StringComparison.Ordinal), nameof(Register.Email), "example.com is not a real domain.");
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a scope's validator and handler used, so a test can tell whether they shared one DbContext.</summary>
public sealed class ScopeProbe
{
    public UsersDb? ValidatorDb { get; set; }

    public UsersDb? HandlerDb { get; set; }

    public int HandlerCalls { get; set; }
}

[Handler]
public sealed class RegisterHandler(UsersDb db, ScopeProbe probe) : IRequestHandler<Register, int>
{
    public async ValueTask<int> Handle(Register request, CancellationToken cancellationToken)
    {
        probe.HandlerDb = db;
        probe.HandlerCalls++;
        var user = new User { Email = request.Email };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }
}

[Handler]
public sealed class RenameHandler(ScopeProbe probe) : IRequestHandler<Rename, int>
{
    public ValueTask<int> Handle(Rename request, CancellationToken cancellationToken)
    {
        probe.HandlerCalls++;
        return new(request.Id);
    }
}

[Handler]
public sealed class ListUsersHandler(ScopeProbe probe) : IStreamRequestHandler<ListUsers, string>
{
    public async IAsyncEnumerable<string> Handle(ListUsers request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.HandlerCalls++;
        await Task.Yield();
        yield return "first";
    }
}
