package uk.crossline.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves the stack before a test class runs and hands it, or its tokens, to test methods. */
public final class CrosslineStackExtension implements BeforeAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    CrosslineStack.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CrosslineStack.class || type == DemoTokens.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CrosslineStack stack = CrosslineStack.get();
    return parameter.getParameter().getType() == DemoTokens.class ? stack.tokens() : stack;
  }
}
