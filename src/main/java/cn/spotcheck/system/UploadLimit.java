package cn.spotcheck.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An upload announced larger than the platform takes is refused before a byte of it is read: 413 with the limit,
 * in the API's JSON shape. (The servlet container's own limit, which stops an upload that does not announce its size,
 * answers without a message.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 19)
class UploadLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper json = new ObjectMapper();

    UploadLimit(@Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequestSize) {
        this.maxBytes = maxRequestSize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase().startsWith("multipart/") || request.getContentLengthLong() <= maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), UploadTooLarge.REFUSAL);
    }
}
